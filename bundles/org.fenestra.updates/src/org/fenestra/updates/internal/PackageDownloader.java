package org.fenestra.updates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentLibraryException;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.StoredContent;
import org.fenestra.smb.SmbConfiguration;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.wim.model.WimProgress;

/**
 * Copies one package file into the site's content library: its content stored once by SHA-256,
 * verified against the hash synchronize recorded (a file changed since is refused and nothing is
 * stored), and a package manifest {@code UPDnnnnn} (one file, the package's own name) that maps
 * the content back to the package; a new manifest version only when the content changed.
 */
final class PackageDownloader {

    private final ContentLibrary library;

    PackageDownloader(ContentLibrary library) {
        this.library = library;
    }

    /** @return bytes newly written to the library (0 when it held the content already) */
    long download(UpdatePackage update, SmbConfiguration smb, WimProgress progress) throws UpdateException {
        long stored = 0;
        try {
            if (!library.contains(update.sha256())) {
                stored = copy(update, smb, progress);
            }
            putManifest(update);
            return stored;
        } catch (ContentLibraryException e) {
            Reason reason = switch (e.reason()) {
                case HASH_MISMATCH -> Reason.HASH_MISMATCH;
                case CANCELLED -> Reason.CANCELLED;
                default -> Reason.CONTENT_LIBRARY;
            };
            throw new UpdateException(reason, update.sourcePath(), update.sourcePath() + ": " + e.getMessage()
                    + (reason == Reason.HASH_MISMATCH ? " (the file changed since it was synchronized; synchronize again)" : ""), e);
        } catch (IOException e) {
            throw new UpdateException(Reason.CONTENT_LIBRARY, update.sourcePath(),
                    "cannot store " + update.sourcePath() + " in the content library: " + e.getMessage(), e);
        }
    }

    private long copy(UpdatePackage update, SmbConfiguration smb, WimProgress progress) throws UpdateException, IOException {
        try (SitePath file = SitePath.open(update.sourcePath(), smb)) {
            if (!Files.isRegularFile(file.path())) {
                throw new UpdateException(Reason.SOURCE_NOT_FOUND, update.sourcePath(),
                        update.sourcePath() + " is gone from its update source; synchronize marks it expired", null);
            }
            progress.subTask(update.id() + " " + fileName(update));
            ContentProgress bytes = new ContentProgress() {
                @Override
                public void advanced(long count) {
                    progress.worked(count);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCanceled();
                }
            };
            try (InputStream in = Files.newInputStream(file.path())) {
                StoredContent content = library.store(in, update.sha256(), bytes);
                return content.newlyStored() ? content.size() : 0;
            }
        }
    }

    private void putManifest(UpdatePackage update) throws IOException {
        PackageFile file = new PackageFile(fileName(update), update.sha256(), update.sizeBytes());
        Optional<PackageManifest> current = library.manifest(update.id());
        if (current.isPresent() && current.get().files().equals(List.of(file))) {
            return;
        }
        library.putManifest(new PackageManifest(update.id(), current.map(m -> m.version() + 1).orElse(1), List.of(file)));
    }

    /** The package's file name, where the content library puts it. */
    static String fileName(UpdatePackage update) {
        String path = update.sourcePath();
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** The content of a downloaded package in the library, for servicing. */
    Optional<Path> content(UpdatePackage update) {
        return library.find(update.sha256());
    }
}
