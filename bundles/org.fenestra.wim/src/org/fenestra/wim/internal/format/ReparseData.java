package org.fenestra.wim.internal.format;

import org.fenestra.wim.errors.InvalidReparseDataException;

/**
 * Reparse point data as stored in a WIM: the reparse stream holds the REPARSE_DATA_BUFFER
 * without its 8-byte header (tag, data length, reserved come from the dentry). For symbolic
 * links and junctions the data is:
 *
 * <pre>
 * offset size field
 *  0     2    substitute name offset (in the path buffer)
 *  2     2    substitute name length in bytes
 *  4     2    print name offset
 *  6     2    print name length in bytes
 *  8     4    symlinks only: flags (1 = SYMLINK_FLAG_RELATIVE)
 * 12 / 8      path buffer (UTF-16LE)
 * </pre>
 *
 * @param tag            IO_REPARSE_TAG_*
 * @param substituteName the NT path Windows resolves
 * @param printName      the path shown to users
 * @param relative       symlink with SYMLINK_FLAG_RELATIVE
 */
public record ReparseData(long tag, String substituteName, String printName, boolean relative) {

    public static final long TAG_SYMLINK = 0xA000000CL;
    public static final long TAG_MOUNT_POINT = 0xA0000003L;

    /** True for the tags this engine turns into symbolic links. */
    public static boolean isLink(long tag) {
        return tag == TAG_SYMLINK || tag == TAG_MOUNT_POINT;
    }

    public static ReparseData parseLink(long tag, byte[] data, String where) throws InvalidReparseDataException {
        if (!isLink(tag)) {
            throw new InvalidReparseDataException(where + ": reparse tag 0x" + Long.toHexString(tag) + " is not a link");
        }
        int pathStart = tag == TAG_SYMLINK ? 12 : 8;
        if (data.length < pathStart) {
            throw new InvalidReparseDataException(where + ": link reparse data of " + data.length + " bytes is too short");
        }
        int subOff = LittleEndian.u16(data, 0);
        int subLen = LittleEndian.u16(data, 2);
        int printOff = LittleEndian.u16(data, 4);
        int printLen = LittleEndian.u16(data, 6);
        if (((subOff | subLen | printOff | printLen) & 1) != 0 || pathStart + subOff + subLen > data.length
                || pathStart + printOff + printLen > data.length) {
            throw new InvalidReparseDataException(where + ": link names lie outside the reparse data");
        }
        boolean relative = tag == TAG_SYMLINK && (LittleEndian.u32(data, 8) & 1) != 0;
        return new ReparseData(tag, Utf16.decode(data, pathStart + subOff, subLen),
                Utf16.decode(data, pathStart + printOff, printLen), relative);
    }

    /**
     * The link target for a UNIX file system, as wimlib computes it: for absolute targets the
     * NT device prefix ({@code \??\C:}, {@code \DosDevices\X}, {@code \Device\X}) is dropped;
     * backslashes become slashes and slashes become backslashes. When {@code fixedRoot} is given
     * and the target was stored relative to the image root ("fixed"), it is prefixed with it.
     *
     * @param notFixed  the dentry's rp flag 1: an absolute target that was not rewritten
     * @param fixedRoot absolute path of the extraction root, or null for no fix-up
     */
    public String unixTarget(boolean notFixed, String fixedRoot) {
        String t = substituteName;
        boolean absolute = !relative;
        if (absolute) {
            for (String prefix : new String[] { "\\??\\", "\\DosDevices\\", "\\Device\\" }) {
                if (t.startsWith(prefix)) {
                    int p = prefix.length();
                    while (p < t.length() && t.charAt(p) == '\\') {
                        p++;
                    }
                    while (p < t.length() && t.charAt(p) != '\\') {
                        p++;
                    }
                    t = t.substring(p);
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(c == '\\' ? '/' : c == '/' ? '\\' : c);
        }
        String target = sb.toString();
        if (absolute && !notFixed && fixedRoot != null && !fixedRoot.isEmpty()) {
            return fixedRoot + target;
        }
        return target.isEmpty() ? "/" : target;
    }
}
