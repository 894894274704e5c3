package org.fenestra.content.library;

import org.fenestra.content.internal.library.ContentNames;

/**
 * One file of a package: where it goes below the package's folder ({@code /}-separated, never
 * leaving it), the SHA-256 of its content and its size in bytes.
 *
 * @since 0.1
 */
public record PackageFile(String path, String sha256, long size) {

    /** @throws IllegalArgumentException when the path would leave the package's folder or the hash is malformed */
    public PackageFile {
        ContentNames.requireRelativePath(path);
        sha256 = ContentNames.requireSha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
    }
}
