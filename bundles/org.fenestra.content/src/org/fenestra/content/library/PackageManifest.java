package org.fenestra.content.library;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fenestra.content.internal.library.ContentNames;

/**
 * What one version of a package holds: its files, each by relative path, SHA-256 and size. The
 * library stores the content once by hash; the manifest maps it back to files.
 *
 * @param packageId letters, digits, {@code . _ -}; starts with a letter or digit (at most 128)
 * @param version   1 or more; a new version of the same package gets a higher one
 * @since 0.1
 */
public record PackageManifest(String packageId, int version, List<PackageFile> files) {

    /** @throws IllegalArgumentException on a malformed ID, a version below 1, or a path listed twice */
    public PackageManifest {
        ContentNames.requirePackageId(packageId);
        if (version < 1) {
            throw new IllegalArgumentException("package " + packageId + ": version " + version + " is below 1");
        }
        files = List.copyOf(files);
        Set<String> paths = new HashSet<>();
        for (PackageFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("package " + packageId + " lists " + file.path() + " twice");
            }
        }
    }

    /** The sum of the files' sizes (content shared between files counted each time). */
    public long totalSize() {
        return files.stream().mapToLong(PackageFile::size).sum();
    }

    /** The distinct SHA-256s this version needs. */
    public Set<String> contentHashes() {
        Set<String> hashes = new HashSet<>();
        files.forEach(f -> hashes.add(f.sha256()));
        return hashes;
    }
}
