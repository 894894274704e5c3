package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.packages.FenestraPackage;
import org.fenestra.updates.packages.FenestraPackage.FileOperation;
import org.fenestra.updates.packages.FenestraPackage.RegistryImport;
import org.fenestra.updates.packages.PackageFormatException;

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
            return metadata(FenestraPackage.read(file, name));
        }
        if (startsWith(magic, CabinetPackage.MAGIC)) {
            return CabinetPackage.read(file, name);
        }
        return PackageMetadata.unknown("neither a cabinet nor a Fenestra package: the file starts with bytes "
                + HexFormat.ofDelimiter(" ").formatHex(magic));
    }

    /** What the catalog records of a Fenestra package. */
    static PackageMetadata metadata(FenestraPackage pkg) {
        List<String> payloads = new ArrayList<>();
        for (FileOperation operation : pkg.operations()) {
            payloads.add(operation.kind().name().toLowerCase(Locale.ROOT) + " " + operation.path());
        }
        for (RegistryImport reg : pkg.registry()) {
            payloads.add("registry " + reg.hive() + " " + reg.source());
        }
        return new PackageMetadata(PackageType.FENESTRA, pkg.id(), pkg.title().isEmpty() ? pkg.id() : pkg.title(),
                pkg.classification().isEmpty() ? "Update" : pkg.classification(), pkg.product(), pkg.architecture(),
                pkg.identity(), pkg.applicableBuilds(), pkg.supersedes(), pkg.releaseDate(), OfflineServiceable.YES,
                "a Fenestra package: file and registry operations the portable servicer applies offline", payloads,
                pkg.operations().size() + " file operation(s), " + pkg.registry().size() + " registry import(s)");
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
