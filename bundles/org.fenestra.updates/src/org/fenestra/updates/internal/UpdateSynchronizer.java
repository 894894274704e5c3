package org.fenestra.updates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateSource;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.internal.UpdatePackageTable.StoredFile;
import org.fenestra.updates.internal.packages.PackageMetadata;
import org.fenestra.updates.internal.packages.PackageReader;
import org.fenestra.updates.packages.PackageFormatException;
import org.fenestra.wim.model.WimProgress;

/**
 * Synchronizes one update source's folder (already opened) with the catalog.
 * <p>
 * Incremental: a file whose size and modification time equal the recorded ones is not opened at
 * all; one whose time changed is hashed, and read again only if its content (SHA-256) changed.
 * <p>
 * One transaction per package: a source may hold thousands of packages on a slow share, and a
 * sync can be cancelled or fail half-way; each package's record is complete or absent, what was
 * done stays done, and the next sync continues incrementally. Expiry and the source's sync time
 * are one last transaction, made only after a complete listing, so a cancelled or failed sync never
 * expires packages it did not get to.
 */
final class UpdateSynchronizer {

    private static final Logger LOG = System.getLogger(UpdateSynchronizer.class.getName());
    /** The file names synchronize reads; everything else in a source (notes, hashes) is ignored. */
    static final Set<String> PACKAGE_EXTENSIONS = Set.of(".cab", ".msu", ".fpkg");

    private final Transactions transactions;
    private final UpdateSourceTable sources;
    private final UpdatePackageTable packages;
    private final Clock clock;

    UpdateSynchronizer(Transactions transactions, UpdateSourceTable sources, UpdatePackageTable packages, Clock clock) {
        this.transactions = transactions;
        this.sources = sources;
        this.packages = packages;
        this.clock = clock;
    }

    /** Counts of one run, summed over sources into a {@link SyncResult}. */
    static final class Counts {
        int added;
        int changed;
        int unchanged;
        int expired;
        int filesRead;
        final List<UpdateException> problems = new ArrayList<>();

        SyncResult result(List<String> sourceNames) {
            return new SyncResult(sourceNames, added, changed, unchanged, expired, filesRead, problems);
        }
    }

    void synchronize(UpdateSource source, Path folder, WimProgress progress, Counts counts) throws UpdateException {
        Map<String, Path> files = list(source, folder);
        Map<String, StoredFile> stored = inTransaction("read the packages of " + source.name(),
                connection -> packages.files(connection, source.name()));
        progress.beginTask("Synchronize " + source.name(), files.size());
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (progress.isCanceled()) {
                throw new UpdateException(Reason.CANCELLED, source.path(), "synchronize of " + source.name()
                        + " cancelled; the packages read so far are recorded", null);
            }
            progress.subTask(file.getKey());
            try {
                synchronizeFile(source, file.getKey(), file.getValue(), stored.get(file.getKey()), counts);
            } catch (PackageFormatException e) {
                counts.problems.add(new UpdateException(e.unsupported() ? Reason.UNSUPPORTED_PACKAGE : Reason.BAD_PACKAGE,
                        sourcePath(source, file.getKey()), e.getMessage(), e));
                LOG.log(Level.WARNING, "Not recorded: {0}", e.getMessage());
            } catch (IOException e) {
                counts.problems.add(new UpdateException(Reason.SOURCE_UNREADABLE, sourcePath(source, file.getKey()),
                        sourcePath(source, file.getKey()) + ": cannot be read: " + e.getMessage(), e));
            }
            progress.worked(1);
        }
        Set<String> gone = new HashSet<>(stored.keySet());
        gone.removeAll(files.keySet());
        Instant now = clock.instant();
        counts.expired += inTransaction("record the end of synchronize of " + source.name(), connection -> {
            int expired = 0;
            for (String path : gone) {
                StoredFile old = stored.get(path);
                if (old.state() != UpdateState.EXPIRED) {
                    packages.setState(connection, old.id(), UpdateState.EXPIRED);
                    expired++;
                }
            }
            sources.setLastSync(connection, source.name(), now);
            return expired;
        });
        progress.done();
    }

    private void synchronizeFile(UpdateSource source, String relativePath, Path file, StoredFile old, Counts counts)
            throws IOException, UpdateException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        if (old != null && old.size() == size && old.modifiedMillis() == modified) {
            if (old.state() == UpdateState.EXPIRED) { // back in the source unchanged
                inTransaction("record " + relativePath, c -> {
                    packages.setState(c, old.id(), UpdateState.AVAILABLE);
                    return null;
                });
            }
            counts.unchanged++;
            return;
        }
        counts.filesRead++;
        String sha256 = sha256(file);
        if (old != null && old.size() == size && old.sha256().equals(sha256)) {
            UpdateState state = old.state() == UpdateState.EXPIRED ? UpdateState.AVAILABLE : old.state();
            inTransaction("record " + relativePath, c -> {
                packages.touch(c, old.id(), modified, state);
                return null;
            });
            counts.unchanged++;
            return;
        }
        PackageMetadata metadata = PackageReader.read(file, sourcePath(source, relativePath));
        inTransaction("record " + sourcePath(source, relativePath), connection -> {
            String id = old == null ? packages.nextId(connection) : old.id();
            UpdatePackage update = record(id, metadata, source, relativePath, size, sha256);
            if (old == null) {
                packages.insert(connection, update, relativePath, modified);
            } else {
                packages.replace(connection, update, relativePath, modified);
            }
            return null;
        });
        if (old == null) {
            counts.added++;
        } else {
            counts.changed++;
        }
    }

    private UpdatePackage record(String id, PackageMetadata m, UpdateSource source, String relativePath, long size,
            String sha256) {
        return new UpdatePackage(id, m.articleId(), m.title().isEmpty() ? fileName(relativePath) : m.title(),
                m.classification(), m.product(), m.architecture(), m.identity(), m.applicableBuilds(), m.supersedes(),
                List.of(), m.releaseDate(), m.type(), m.offline(), m.offlineReason(), m.payloads(), size, sha256,
                source.name(), sourcePath(source, relativePath), UpdateState.AVAILABLE, m.diagnostic(), clock.instant());
    }

    /** The package files below the folder, by '/'-separated relative path, in name order. */
    private static Map<String, Path> list(UpdateSource source, Path folder) throws UpdateException {
        if (!Files.isDirectory(folder)) {
            throw new UpdateException(Reason.SOURCE_NOT_FOUND, source.path(),
                    "the update source " + source.name() + " is not a folder (or is gone): " + source.path(), null);
        }
        Map<String, Path> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(UpdateSynchronizer::isPackageFile).forEach(path -> {
                List<String> names = new ArrayList<>();
                folder.relativize(path).forEach(name -> names.add(name.toString()));
                files.put(String.join("/", names), path);
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UpdateException(Reason.SOURCE_UNREADABLE, source.path(),
                    "cannot list the update source " + source.name() + " (" + source.path() + "): " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean isPackageFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && PACKAGE_EXTENSIONS.contains(name.substring(dot));
    }

    /** The file's path as admins see it: the source folder's path and the file's below it. */
    static String sourcePath(UpdateSource source, String relativePath) {
        boolean unc = SitePath.isUnc(source.path());
        String separator = unc ? "\\" : "/";
        String base = source.path().endsWith(separator) ? source.path() : source.path() + separator;
        return base + (unc ? relativePath.replace('/', '\\') : relativePath);
    }

    private static String fileName(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private <T> T inTransaction(String operation, SiteDatabase.Work<T> work) throws UpdateException {
        return transactions.run(operation, work);
    }
}
