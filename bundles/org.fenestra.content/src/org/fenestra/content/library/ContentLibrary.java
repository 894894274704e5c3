package org.fenestra.content.library;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.fenestra.content.internal.library.AtomicFiles;
import org.fenestra.content.internal.library.ContentNames;
import org.fenestra.content.internal.library.HashingCopy;
import org.fenestra.content.internal.library.ManifestFormat;
import org.fenestra.content.library.ContentLibraryException.Reason;
import org.fenestra.content.library.ContentProblem.Kind;

/**
 * A single-instance store: content kept once by its SHA-256, plus package manifests (package →
 * files, per version) that map it back to files. Used by the site, each distribution point and
 * the client alike; plain Java, safe for several threads and processes.
 *
 * <p>Layout below the root:
 * <pre>
 * content/ab/abcd…      content, named by its SHA-256 (two-digit fan-out)
 * packages/ID/N.manifest  version N of package ID ({@link ManifestFormat})
 * partial/SHA.part      resumable content still arriving ({@link PartialContent})
 * tmp/                  files being written; renamed into place only when whole and checked
 * quarantine/           content found damaged by verify, kept for inspection
 * </pre>
 * Content appears under {@code content/} only after its hash is known and matches its name, so
 * a reader never sees a partial or wrong file by its hash.
 *
 * @since 0.1
 */
public final class ContentLibrary {

    private static final Logger LOG = System.getLogger(ContentLibrary.class.getName());
    /** A temp file untouched this long belongs to a writer that died; open() removes it. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    private static final String MANIFEST_SUFFIX = ".manifest";

    private final Path root;
    private final Path content;
    private final Path packages;
    private final Path partial;
    private final Path temp;
    private final Path quarantine;

    private ContentLibrary(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        this.packages = root.resolve("packages");
        this.partial = root.resolve("partial");
        this.temp = root.resolve("tmp");
        this.quarantine = root.resolve("quarantine");
    }

    /** Opens the library in {@code root}, creating it when absent, and clears temp files left by dead writers. */
    public static ContentLibrary open(Path root) throws IOException {
        Files.createDirectories(root);
        ContentLibrary library = new ContentLibrary(root.toRealPath());
        for (Path dir : List.of(library.content, library.packages, library.partial, library.temp, library.quarantine)) {
            Files.createDirectories(dir);
        }
        library.removeStaleTempFiles();
        return library;
    }

    public Path root() {
        return root;
    }

    // ---- content by SHA-256 -------------------------------------------------------------

    /** Stores a copy of {@code file}; hashes while copying, so the file is read once. */
    public StoredContent store(Path file, ContentProgress progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return storeHashed(in, null, progress);
        }
    }

    /** Stores everything {@code in} gives (it is read to its end, not closed). */
    public StoredContent store(InputStream in, ContentProgress progress) throws IOException {
        return storeHashed(in, null, progress);
    }

    /**
     * Stores {@code in}'s bytes under the SHA-256 they are expected to have. When the library
     * already holds that content nothing is read or written; when the bytes hash otherwise nothing
     * is stored and {@link Reason#HASH_MISMATCH} says both hashes.
     */
    public StoredContent store(InputStream in, String expectedSha256, ContentProgress progress) throws IOException {
        String expected = requireSha256(expectedSha256);
        Optional<Path> present = find(expected);
        if (present.isPresent()) {
            return new StoredContent(expected, Files.size(present.get()), false);
        }
        return storeHashed(in, expected, progress);
    }

    private StoredContent storeHashed(InputStream in, String expected, ContentProgress progress) throws IOException {
        Path tempFile = Files.createTempFile(temp, "store-", ".tmp");
        try {
            MessageDigest digest = HashingCopy.newSha256();
            long size;
            try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
                size = HashingCopy.copy(in, channel, digest, progress);
            }
            String sha256 = HashingCopy.hex(digest);
            if (expected != null && !expected.equals(sha256)) {
                throw new ContentLibraryException(Reason.HASH_MISMATCH, "content sent as SHA-256 " + expected
                        + " hashes to " + sha256 + " (" + size + " bytes); nothing was stored");
            }
            return moveIn(tempFile, sha256, size);
        } finally {
            AtomicFiles.deleteQuietly(tempFile);
        }
    }

    /** Renames a whole, checked file to its content name, unless the library already holds it. */
    StoredContent moveIn(Path checkedFile, String sha256, long size) throws IOException {
        Path target = contentPath(sha256);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(checkedFile);
            return new StoredContent(sha256, size, false);
        }
        AtomicFiles.moveIntoPlace(checkedFile, target);
        return new StoredContent(sha256, size, true);
    }

    public boolean contains(String sha256) {
        return find(sha256).isPresent();
    }

    /**
     * The stored file holding this content (a regular file, never a link), if the library has it.
     * A malformed hash names nothing the library holds: empty.
     */
    public Optional<Path> find(String sha256) {
        if (!ContentNames.isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = contentPath(ContentNames.requireSha256(sha256));
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Hashes the stored content again. Damaged content is moved to {@code quarantine/} so a later
     * store can put the right bytes back.
     *
     * @return the problem, or empty when the content is whole
     */
    public Optional<ContentProblem> verify(String sha256, ContentProgress progress) throws IOException {
        String checked = requireSha256(sha256);
        return verify(checked, checked, -1, progress);
    }

    private Optional<ContentProblem> verify(String sha256, String path, long expectedSize, ContentProgress progress)
            throws IOException {
        Optional<Path> file = find(sha256);
        if (file.isEmpty()) {
            return Optional.of(new ContentProblem(path, sha256, expectedSize, Kind.MISSING, ""));
        }
        try {
            long size = Files.size(file.get());
            if (expectedSize >= 0 && size != expectedSize) {
                return Optional.of(new ContentProblem(path, sha256, expectedSize, Kind.WRONG_SIZE, size + " bytes"));
            }
            MessageDigest digest = HashingCopy.newSha256();
            HashingCopy.hash(file.get(), digest, progress);
            String actual = HashingCopy.hex(digest);
            if (actual.equals(sha256)) {
                return Optional.empty();
            }
            quarantine(file.get(), sha256);
            return Optional.of(new ContentProblem(path, sha256, expectedSize, Kind.WRONG_HASH, "SHA-256 " + actual));
        } catch (NoSuchFileException e) {
            return Optional.of(new ContentProblem(path, sha256, expectedSize, Kind.MISSING, ""));
        }
    }

    private void quarantine(Path file, String sha256) throws IOException {
        Path target = quarantine.resolve(sha256 + "-" + Instant.now().toEpochMilli());
        AtomicFiles.moveIntoPlace(file, target);
        LOG.log(Level.WARNING, "damaged content " + sha256 + " moved to " + target);
    }

    /**
     * Content still arriving under its expected SHA-256, kept across interruptions (and process
     * restarts) so the sender or downloader can continue from {@link PartialContent#length()}.
     *
     * @param expectedSize the whole content's size, or -1 when unknown
     * @throws ContentLibraryException {@link Reason#BUSY} when another writer holds it
     */
    public PartialContent partial(String sha256, long expectedSize) throws IOException {
        String expected = requireSha256(sha256);
        return PartialContent.open(this, partial.resolve(expected + ".part"), expected, expectedSize);
    }

    Path tempDirectory() {
        return temp;
    }

    private Path contentPath(String sha256) {
        return content.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    // ---- packages -----------------------------------------------------------------------

    /**
     * Records a package version. Every file's content must already be stored (with the size the
     * manifest says); the manifest is written atomically, replacing one of the same version.
     *
     * @throws ContentLibraryException {@link Reason#MISSING_CONTENT} listing what is missing
     */
    public void putManifest(PackageManifest manifest) throws IOException {
        List<String> missing = new ArrayList<>();
        for (PackageFile file : manifest.files()) {
            Optional<Path> stored = find(file.sha256());
            if (stored.isEmpty() || Files.size(stored.get()) != file.size()) {
                missing.add(file.path() + " (SHA-256 " + file.sha256() + ", " + file.size() + " bytes)");
            }
        }
        if (!missing.isEmpty()) {
            throw new ContentLibraryException(Reason.MISSING_CONTENT, "package " + manifest.packageId() + " version "
                    + manifest.version() + ": the library lacks " + missing.size() + " file(s): "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", …" : ""));
        }
        AtomicFiles.write(temp, manifestPath(manifest.packageId(), manifest.version()), ManifestFormat.write(manifest));
    }

    /** The IDs of every package with at least one version, sorted. */
    public List<String> packageIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(packages)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !versionsIn(dir).isEmpty()) {
                    ids.add(name);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The versions recorded for a package, lowest first; empty when none. */
    public List<Integer> versions(String packageId) throws IOException {
        return versionsIn(packages.resolve(requirePackageId(packageId)));
    }

    private static List<Integer> versionsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Set<Integer> versions = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + MANIFEST_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String number = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
                if (number.matches("[1-9][0-9]{0,9}")) {
                    versions.add(Integer.parseInt(number));
                }
            }
        } catch (NumberFormatException e) {
            // a number above Integer.MAX_VALUE is not a file of ours; skipped with the others
        }
        return List.copyOf(versions);
    }

    /** The highest version of the package, if any. */
    public Optional<PackageManifest> manifest(String packageId) throws IOException {
        List<Integer> versions = versions(packageId);
        return versions.isEmpty() ? Optional.empty() : manifest(packageId, versions.get(versions.size() - 1));
    }

    public Optional<PackageManifest> manifest(String packageId, int version) throws IOException {
        Path file = manifestPath(requirePackageId(packageId), version);
        byte[] data;
        try {
            if (Files.size(file) > ManifestFormat.MAX_BYTES) {
                throw new ContentLibraryException(Reason.CORRUPT_MANIFEST, file + " is larger than a manifest can be");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            PackageManifest manifest = ManifestFormat.read(data);
            if (!manifest.packageId().equals(packageId) || manifest.version() != version) {
                throw new IllegalArgumentException("it records package " + manifest.packageId() + " version "
                        + manifest.version());
            }
            return Optional.of(manifest);
        } catch (IllegalArgumentException e) {
            throw new ContentLibraryException(Reason.CORRUPT_MANIFEST, "manifest " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Validates the package's highest version. */
    public ValidationReport validate(String packageId) throws IOException {
        return validate(packageId, ContentProgress.NONE);
    }

    public ValidationReport validate(String packageId, ContentProgress progress) throws IOException {
        List<Integer> versions = versions(packageId);
        if (versions.isEmpty()) {
            throw new ContentLibraryException(Reason.NO_SUCH_PACKAGE, "no package " + packageId + " in " + root);
        }
        return validate(packageId, versions.get(versions.size() - 1), progress);
    }

    /**
     * Hashes every file of a package version again and names each one that is missing, of the
     * wrong size or of the wrong hash, with what was expected. Damaged content is quarantined.
     */
    public ValidationReport validate(String packageId, int version, ContentProgress progress) throws IOException {
        PackageManifest manifest = manifest(packageId, version).orElseThrow(() -> new ContentLibraryException(
                Reason.NO_SUCH_PACKAGE, "no package " + packageId + " version " + version + " in " + root));
        List<ContentProblem> problems = new ArrayList<>();
        for (PackageFile file : manifest.files()) {
            verify(file.sha256(), file.path(), file.size(), progress).ifPresent(problems::add);
        }
        return new ValidationReport(packageId, version, manifest.files().size(), problems);
    }

    /** Removes every version of the package, then the content no other package refers to. */
    public void removePackage(String packageId) throws IOException {
        for (int version : versions(packageId)) {
            removeVersion(packageId, version);
        }
    }

    /** Removes one version of a package, then its content that no remaining manifest refers to. */
    public void removeVersion(String packageId, int version) throws IOException {
        Optional<PackageManifest> removed;
        try {
            removed = manifest(packageId, version);
        } catch (ContentLibraryException e) {
            removed = Optional.empty(); // an unreadable manifest is still removed; its content stays until GC
        }
        Files.deleteIfExists(manifestPath(packageId, version));
        if (removed.isEmpty()) {
            return;
        }
        Set<String> stillUsed = referencedContent();
        for (String sha256 : removed.get().contentHashes()) {
            if (!stillUsed.contains(sha256)) {
                Files.deleteIfExists(contentPath(sha256));
            }
        }
    }

    private Set<String> referencedContent() throws IOException {
        Set<String> used = new HashSet<>();
        for (String id : packageIds()) {
            for (int version : versions(id)) {
                try {
                    manifest(id, version).ifPresent(m -> used.addAll(m.contentHashes()));
                } catch (ContentLibraryException e) {
                    LOG.log(Level.WARNING, e.getMessage());
                }
            }
        }
        return used;
    }

    private Path manifestPath(String packageId, int version) throws ContentLibraryException {
        return packages.resolve(requirePackageId(packageId)).resolve(version + MANIFEST_SUFFIX);
    }

    // ---- names and housekeeping ---------------------------------------------------------

    private static String requireSha256(String sha256) throws ContentLibraryException {
        try {
            return ContentNames.requireSha256(sha256);
        } catch (IllegalArgumentException e) {
            throw new ContentLibraryException(Reason.INVALID_NAME, e.getMessage(), e);
        }
    }

    private static String requirePackageId(String packageId) throws ContentLibraryException {
        try {
            return ContentNames.requirePackageId(packageId);
        } catch (IllegalArgumentException e) {
            throw new ContentLibraryException(Reason.INVALID_NAME, e.getMessage(), e);
        }
    }

    private void removeStaleTempFiles() throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_TEMP));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    AtomicFiles.deleteQuietly(file);
                }
            }
        }
    }
}
