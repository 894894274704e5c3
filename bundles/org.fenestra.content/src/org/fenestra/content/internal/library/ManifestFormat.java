package org.fenestra.content.internal.library;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;

/**
 * A manifest on disk and on the wire, UTF-8 text, one item per line, the path last so it may
 * hold spaces:
 *
 * <pre>
 * fenestra-package-manifest 1
 * package PACKAGE_ID
 * version N
 * file SHA256 SIZE RELATIVE/PATH
 * </pre>
 */
public final class ManifestFormat {

    static final String MAGIC = "fenestra-package-manifest 1";
    /** A manifest larger than this is not one of ours: 64 MiB holds ~500,000 files. */
    public static final int MAX_BYTES = 64 << 20;

    private ManifestFormat() {
    }

    public static byte[] write(PackageManifest manifest) {
        StringBuilder text = new StringBuilder(MAGIC).append('\n')
                .append("package ").append(manifest.packageId()).append('\n')
                .append("version ").append(manifest.version()).append('\n');
        for (PackageFile file : manifest.files()) {
            text.append("file ").append(file.sha256()).append(' ').append(file.size()).append(' ')
                    .append(file.path()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException naming the line that is wrong */
    public static PackageManifest read(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException("manifest of " + data.length + " bytes is larger than " + MAX_BYTES);
        }
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 4 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a package manifest (first line is not \"" + MAGIC + "\")");
        }
        if (!lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("manifest is truncated (no line end after its last line)");
        }
        String packageId = value(lines, 1, "package ");
        int version;
        try {
            version = Integer.parseInt(value(lines, 2, "version "));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line 3: version is not a number");
        }
        List<PackageFile> files = new ArrayList<>();
        for (int i = 3; i < lines.length - 1; i++) {
            files.add(file(lines[i], i + 1));
        }
        return new PackageManifest(packageId, version, files);
    }

    private static String value(String[] lines, int index, String key) {
        if (!lines[index].startsWith(key)) {
            throw new IllegalArgumentException("line " + (index + 1) + ": expected \"" + key.strip() + " …\"");
        }
        return lines[index].substring(key.length());
    }

    private static PackageFile file(String line, int lineNumber) {
        String[] parts = line.split(" ", 4);
        if (parts.length != 4 || !parts[0].equals("file")) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected \"file SHA256 SIZE PATH\"");
        }
        try {
            return new PackageFile(parts[3], parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
        }
    }
}
