package org.fenestra.servicing.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Windows setup media folder as an OS upgrade package is made from: {@code setup.exe}, boot files,
 * {@code sources/boot.wim} bytes and a {@code sources/install.wim} captured with wimlib-imagex from the
 * {@link TestImages} tree; and the SHA-256 of each of its files, to show what servicing left unchanged.
 */
public final class SetupMedia {

    /** Where setup media keep the image that is serviced. */
    public static final String INSTALL_WIM = "sources/install.wim";

    private SetupMedia() {
    }

    /** Writes the media into {@code folder} (which must not exist yet or be empty); returns it. */
    public static Path write(Path folder) throws IOException, InterruptedException {
        Random random = new Random(folder.toString().hashCode());
        bytes(folder.resolve("setup.exe"), random, 48_000);
        bytes(folder.resolve("bootmgr"), random, 9_000);
        bytes(folder.resolve("bootmgr.efi"), random, 12_000);
        bytes(folder.resolve("boot/boot.sdi"), random, 30_000);
        bytes(folder.resolve("boot/en-us/bootsect.exe.mui"), random, 1_500);
        bytes(folder.resolve("efi/boot/bootx64.efi"), random, 20_000);
        bytes(folder.resolve("sources/boot.wim"), random, 64_000);
        bytes(folder.resolve("sources/setuphost.exe"), random, 5_000);
        Files.writeString(folder.resolve("autorun.inf"), "[AutoRun.Amd64]\r\nopen=setup.exe\r\nicon=setup.exe,0\r\n",
                StandardCharsets.US_ASCII);
        Files.createDirectories(folder.resolve("support/logging"));
        TestImages.windowsImage(folder.getParent().resolve(folder.getFileName() + "-tree"), folder.resolve(INSTALL_WIM));
        return folder;
    }

    /** Every file below {@code folder} (paths relative, with '/') and its SHA-256 in hex. */
    public static Map<String, String> checksums(Path folder) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(folder.relativize(file).toString().replace('\\', '/'), sha256(file));
            }
        }
        return sums;
    }

    private static void bytes(Path file, Random random, int size) throws IOException {
        byte[] data = new byte[size];
        random.nextBytes(data);
        data[0] = 'M';
        data[1] = 'Z';
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
