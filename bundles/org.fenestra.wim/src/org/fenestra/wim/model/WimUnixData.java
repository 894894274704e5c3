package org.fenestra.wim.model;

/**
 * UNIX owner, group, mode and device of a file, as wimlib stores them in a tagged item of the
 * file's inode ({@code --unix-data}).
 *
 * @param uid  owner user id
 * @param gid  owner group id
 * @param mode file type and permission bits ({@code st_mode})
 * @param rdev device number of a device file
 * @since 0.1
 */
public record WimUnixData(long uid, long gid, long mode, long rdev) {
}
