package org.fenestra.distribution.internal.dp;

import java.io.IOException;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.PartialContent;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;

/**
 * A pull-DP taking one package version from its source DP: each file it lacks is downloaded into
 * its library's partial copy (continuing one an earlier pull left), hash-checked, then the
 * manifest is recorded, so the package appears only once whole.
 */
final class DpPull {

    private static final int ATTEMPTS = 5;

    private final ContentLibrary library;
    private final DpClient source;
    /** Bytes of the package's files here so far (held before, or arrived); read by the site's progress polls. */
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
    private volatile long total = -1;

    DpPull(ContentLibrary library, DpClient source) {
        this.library = library;
        this.source = source;
    }

    void pull(String packageId, int version) throws IOException {
        PackageManifest manifest = source.manifest(packageId, version);
        if (!manifest.packageId().equals(packageId) || manifest.version() != version) {
            throw new IOException("the source DP sent package " + manifest.packageId() + " version "
                    + manifest.version() + " for " + packageId + " version " + version);
        }
        total = manifest.totalSize();
        for (PackageFile file : manifest.files()) {
            if (!library.contains(file.sha256())) {
                fetch(file);
            } else {
                held.addAndGet(file.size());
            }
        }
        library.putManifest(manifest);
    }

    /** {@code BYTES/TOTAL} held of the package so far; TOTAL is -1 before the manifest arrived. */
    String progress() {
        return held.get() + "/" + total;
    }

    private void fetch(PackageFile file) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long before = held.get();
            try (PartialContent partial = library.partial(file.sha256(), file.size())) {
                held.addAndGet(partial.length());
                source.download(partial, file.size(), held::addAndGet);
                partial.complete(ContentProgress.NONE);
                held.set(before + file.size());
                return;
            } catch (DpException e) {
                throw e;
            } catch (IOException e) {
                held.set(before);
                last = e;
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", interrupted);
                }
            }
        }
        throw last;
    }
}
