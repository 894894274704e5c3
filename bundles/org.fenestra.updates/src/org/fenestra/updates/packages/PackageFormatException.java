package org.fenestra.updates.packages;

import java.io.IOException;

/**
 * A package file could not be read: damaged ({@link #unsupported()} false) or using a format
 * feature Fenestra does not read (true). The message names the file and what was wrong.
 *
 * @since 0.1
 */
public final class PackageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final boolean unsupported;

    public PackageFormatException(String file, String problem, boolean unsupported, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.unsupported = unsupported;
    }

    public static PackageFormatException damaged(String file, String problem, Throwable cause) {
        return new PackageFormatException(file, problem, false, cause);
    }

    public static PackageFormatException damaged(String file, String problem) {
        return damaged(file, problem, null);
    }

    public String file() {
        return file;
    }

    public boolean unsupported() {
        return unsupported;
    }
}
