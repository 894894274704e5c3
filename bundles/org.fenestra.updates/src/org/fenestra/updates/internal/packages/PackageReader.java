package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads what a package file is from its own bytes, by its content rather than its name: a
 * cabinet ({@code MSCF}) is a CBS package, a PSFX package or an MSU by what it holds; a ZIP with a
 * {@value FenestraPackage#MANIFEST} is a Fenestra package. Anything else is recorded as unknown,
 * with the reason.
 */
public final class PackageReader {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    private PackageReader() {
    }

    /**
     * @param file the package file
     * @param name how errors name the file (its path in the update source)
     * @throws PackageFormatException the file is damaged or uses a feature Fenestra does not read
     * @throws IOException the file cannot be read
     */
    public static PackageMetadata read(Path file, String name) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        if (magic.length == 0) {
            return PackageMetadata.unknown("the file is empty");
        }
        if (startsWith(magic, ZIP)) {
            return FenestraPackage.read(file, name).metadata();
        }
        if (startsWith(magic, CabinetPackage.MAGIC)) {
            return CabinetPackage.read(file, name);
        }
        return PackageMetadata.unknown("neither a cabinet nor a Fenestra package: the file starts with bytes "
                + HexFormat.ofDelimiter(" ").formatHex(magic));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
