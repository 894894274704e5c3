package org.fenestra.wim.model;

import java.nio.file.Path;

/**
 * One change to an image, as {@code wimlib-imagex update} reads them (paths inside the image use '/' or '\').
 *
 * @since 0.1
 */
public sealed interface UpdateCommand {

    /**
     * Adds the file or directory tree {@code source} at {@code target}: missing parent
     * directories are created, a directory is merged into one already there, a file replaces a
     * file unless {@code noReplace}.
     */
    record Add(Path source, String target, boolean noReplace) implements UpdateCommand {
    }

    /** Deletes {@code path}: a directory only with {@code recursive}; a missing path is an error unless {@code force}. */
    record Delete(String path, boolean force, boolean recursive) implements UpdateCommand {
    }

    /** Renames {@code from} to {@code to}, replacing a file or an empty directory there. */
    record Rename(String from, String to) implements UpdateCommand {
    }
}
