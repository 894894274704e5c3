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
        for (PackageFile file : manifest.files()) {
            if (!library.contains(file.sha256())) {
                fetch(file);
            }
        }
        library.putManifest(manifest);
    }

    private void fetch(PackageFile file) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (PartialContent partial = library.partial(file.sha256(), file.size())) {
                source.download(partial, file.size(), ContentProgress.NONE);
                partial.complete(ContentProgress.NONE);
                return;
            } catch (DpException e) {
                throw e;
            } catch (IOException e) {
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
