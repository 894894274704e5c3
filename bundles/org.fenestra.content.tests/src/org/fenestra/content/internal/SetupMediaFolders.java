package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.fenestra.registry.testing.SyntheticWindowsTree;

/**
 * Windows setup media folders for the upgrade package imports: setup.exe and boot files as bytes, and a
 * {@code sources/install.wim} of the synthetic Windows tree captured by wimlib-imagex.
 */
final class SetupMediaFolders {

    static final SyntheticWindowsTree.Spec SPEC = SyntheticWindowsTree.windows11Enterprise();

    private SetupMediaFolders() {
    }

    /** Writes the media into {@code media}; {@code work} holds the tree captured into the install.wim. */
    static Path write(Path work, Path media) throws Exception {
        Random random = new Random(7);
        bytes(media.resolve("setup.exe"), random, 70_000);
        bytes(media.resolve("bootmgr"), random, 9_000);
        bytes(media.resolve("boot/boot.sdi"), random, 30_000);
        bytes(media.resolve("efi/boot/bootx64.efi"), random, 20_000);
        bytes(media.resolve("sources/boot.wim"), random, 2_500_000);
        Files.writeString(media.resolve("autorun.inf"), "[AutoRun.Amd64]\r\nopen=setup.exe\r\n", StandardCharsets.US_ASCII);
        Files.createDirectories(media.resolve("support/logging"));
        SyntheticWims.capture(work, media.resolve("sources/install.wim"), SPEC, null);
        return media;
    }

    /** Every file below {@code folder} (relative, '/') and its SHA-256. */
    static Map<String, String> checksums(Path folder) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(folder.relativize(file).toString().replace('\\', '/'), Services.sha256(file));
            }
        }
        return sums;
    }

    private static void bytes(Path file, Random random, int size) throws IOException {
        byte[] data = new byte[size];
        random.nextBytes(data);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }
}
