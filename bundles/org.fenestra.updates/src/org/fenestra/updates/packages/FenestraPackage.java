package org.fenestra.updates.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.fenestra.updates.api.ApplicableBuild;
import org.fenestra.updates.api.ApplicableBuild.Comparison;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.internal.packages.PackagePaths;
import org.fenestra.updates.internal.packages.SafeXml;
import org.fenestra.updates.internal.packages.ZipEnd;
import org.w3c.dom.Element;

/**
 * A Fenestra package ({@code .fpkg}): a ZIP holding {@value #MANIFEST} and the payload files its
 * operations name. The format is documented in the bundle's README; this class reads and checks
 * it: every entry name and path relative, without {@code ..}, drive letters or backslashes; every
 * operation's source present; sizes bounded; each entry's CRC checked as it is read.
 *
 * @param operations the file operations in the order they are applied
 * @param registry   the registry files imported after the file operations, in order
 * @param entries    every ZIP entry and its uncompressed size
 * @since 0.1
 */
public record FenestraPackage(String id, String title, String classification, String product, LocalDate releaseDate,
        PackageIdentity identity, UpdateArchitecture architecture, List<ApplicableBuild> applicableBuilds,
        List<String> supersedes, List<FileOperation> operations, List<RegistryImport> registry,
        Map<String, Long> entries) {

    public static final String MANIFEST = "fenestra-package.xml";
    public static final String NAMESPACE = "urn:fenestra:package:1";
    /** The hives a {@code registry} operation may name, as the portable servicer opens them. */
    public static final Set<String> HIVES = Set.of("SYSTEM", "SOFTWARE", "DEFAULT", "SAM", "SECURITY", "COMPONENTS",
            "DRIVERS", "NTUSER");
    private static final int MAX_ENTRIES = 100_000;

    /** An add, replace or delete of one path in the image ({@code /}-separated, from the image's root). */
    public record FileOperation(Kind kind, String path, String source) {
        public enum Kind {
            /** Creates the file; the path must not exist in the image. */
            ADD,
            /** Overwrites the file; the path must exist. */
            REPLACE,
            /** Removes the file or empty folder; the path must exist. */
            DELETE
        }
    }

    /** A {@code .reg} file (Windows Registry Editor 5.00 format) imported into a hive of the image. */
    public record RegistryImport(String hive, String source) {
    }

    /**
     * Reads a package file: its end of central directory first (so a file cut short is refused
     * even where it ends between two entries), then every entry, streaming.
     *
     * @throws PackageFormatException a damaged ZIP, a missing or malformed manifest, an unsafe path
     */
    public static FenestraPackage read(Path path, String file) throws IOException {
        int directoryEntries = ZipEnd.read(path, file).entries();
        FenestraPackage pkg;
        try (InputStream in = Files.newInputStream(path)) {
            pkg = read(in, file);
        }
        if (pkg.entries().size() != directoryEntries) {
            throw PackageFormatException.damaged(file, "the ZIP's directory lists " + directoryEntries
                    + " entries but " + pkg.entries().size() + " were found");
        }
        return pkg;
    }

    /**
     * Reads a package from its bytes, streaming (the whole stream is read once, to check every entry).
     *
     * @throws PackageFormatException a damaged ZIP, a missing or malformed manifest, an unsafe path
     */
    public static FenestraPackage read(InputStream in, String file) throws IOException {
        Map<String, Long> entries = new LinkedHashMap<>();
        byte[] manifest = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                String name = PackagePaths.requireSafe(entry.getName(), file, "ZIP entry");
                if (entries.size() >= MAX_ENTRIES) {
                    throw PackageFormatException.damaged(file, "more than " + MAX_ENTRIES + " entries");
                }
                if (entries.containsKey(name)) {
                    throw PackageFormatException.damaged(file, "the entry " + name + " occurs twice");
                }
                long size = 0;
                if (name.equals(MANIFEST)) {
                    manifest = zip.readNBytes(SafeXml.MAX_BYTES + 1);
                    size = manifest.length;
                }
                for (int n; (n = zip.read(buffer)) > 0;) { // reading to the end checks the entry's CRC
                    size += n;
                }
                entries.put(name, size);
            }
        } catch (ZipException e) {
            throw PackageFormatException.damaged(file, "damaged ZIP: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw PackageFormatException.damaged(file, "the ZIP ends early (truncated): " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw PackageFormatException.damaged(file, "not a ZIP file, or an empty one");
        }
        if (manifest == null) {
            throw PackageFormatException.damaged(file, "no " + MANIFEST + " in the package");
        }
        return parseManifest(manifest, entries, file);
    }

    private static FenestraPackage parseManifest(byte[] xml, Map<String, Long> entries, String file)
            throws PackageFormatException {
        String where = file + "!" + MANIFEST;
        Element root = SafeXml.parse(xml, where).getDocumentElement();
        if (!"package".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw PackageFormatException.damaged(where, "the root element must be {" + NAMESPACE + "}package");
        }
        String id = required(root, "id", where);
        Element identityElement = SafeXml.child(root, "identity");
        if (identityElement == null) {
            throw PackageFormatException.damaged(where, "no identity element");
        }
        String architectureText = SafeXml.attribute(identityElement, "architecture");
        UpdateArchitecture architecture = UpdateArchitecture.parse(architectureText).orElseThrow(
                () -> PackageFormatException.damaged(where, "unknown architecture '" + architectureText + "'"));
        PackageIdentity identity = new PackageIdentity(required(identityElement, "name", where),
                SafeXml.attribute(identityElement, "version"), architecture.identityName(),
                SafeXml.attribute(identityElement, "language"), "");
        List<ApplicableBuild> builds = new ArrayList<>();
        Element applicability = SafeXml.child(root, "applicability");
        if (applicability != null) {
            for (Element build : SafeXml.children(applicability, "build")) {
                try {
                    builds.add(new ApplicableBuild(OsBuild.parse(required(build, "version", where)),
                            comparison(build, "buildCompare", Comparison.EQ), comparison(build, "revisionCompare", Comparison.GE)));
                } catch (IllegalArgumentException e) {
                    throw PackageFormatException.damaged(where, "bad build rule: " + e.getMessage(), e);
                }
            }
        }
        List<String> supersedes = new ArrayList<>();
        for (Element superseded : SafeXml.children(root, "supersedes")) {
            supersedes.add(required(superseded, "article", where));
        }
        List<FileOperation> operations = new ArrayList<>();
        List<RegistryImport> registry = new ArrayList<>();
        Element operationsElement = SafeXml.child(root, "operations");
        if (operationsElement != null) {
            for (Element operation : SafeXml.elements(operationsElement)) {
                readOperation(operation, entries, where, operations, registry);
            }
        }
        return new FenestraPackage(id, SafeXml.attribute(root, "title"), SafeXml.attribute(root, "classification"),
                SafeXml.attribute(root, "product"), date(SafeXml.attribute(root, "releaseDate"), where), identity,
                architecture, builds, supersedes, operations, registry, Map.copyOf(entries));
    }

    private static void readOperation(Element operation, Map<String, Long> entries, String where,
            List<FileOperation> operations, List<RegistryImport> registry) throws PackageFormatException {
        String kind = operation.getLocalName();
        switch (kind) {
            case "add", "replace" -> operations.add(new FileOperation(FileOperation.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                    PackagePaths.requireSafe(required(operation, "path", where), where, kind + " path"),
                    source(operation, entries, where)));
            case "delete" -> operations.add(new FileOperation(FileOperation.Kind.DELETE,
                    PackagePaths.requireSafe(required(operation, "path", where), where, "delete path"), ""));
            case "registry" -> {
                String hive = required(operation, "hive", where).toUpperCase(Locale.ROOT);
                if (!HIVES.contains(hive)) {
                    throw PackageFormatException.damaged(where, "unknown hive '" + hive + "' (one of " + HIVES + ")");
                }
                registry.add(new RegistryImport(hive, source(operation, entries, where)));
            }
            default -> throw PackageFormatException.damaged(where, "unknown operation <" + kind + ">");
        }
    }

    private static String source(Element operation, Map<String, Long> entries, String where) throws PackageFormatException {
        String source = PackagePaths.requireSafe(required(operation, "source", where), where, "source");
        if (!entries.containsKey(source)) {
            throw PackageFormatException.damaged(where, "the source " + source + " is not in the package");
        }
        return source;
    }

    private static Comparison comparison(Element element, String attribute, Comparison absent) throws PackageFormatException {
        String text = SafeXml.attribute(element, attribute);
        try {
            return text.isEmpty() ? absent : Comparison.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(attribute + " must be EQ, GE, GT, LE, LT or ANY, not '" + text + "'");
        }
    }

    private static String required(Element element, String attribute, String where) throws PackageFormatException {
        String value = SafeXml.attribute(element, attribute);
        if (value.isEmpty()) {
            throw PackageFormatException.damaged(where, "<" + element.getLocalName() + "> has no " + attribute);
        }
        return value;
    }

    private static LocalDate date(String text, String where) throws PackageFormatException {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw PackageFormatException.damaged(where, "releaseDate must be yyyy-mm-dd, not '" + text + "'", e);
        }
    }
}
