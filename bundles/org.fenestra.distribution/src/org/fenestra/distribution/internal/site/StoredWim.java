package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;

import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.smb.SmbConfiguration;
import org.fenestra.smb.SmbShares;
import org.fenestra.smb.UncPath;

/**
 * An image's stored WIM opened where the catalog says it lives: a local file, or a file on an
 * SMB share ({@code \\server\share\...}, as an import onto a share stores it) connected with the
 * site's SMB settings ({@link SmbConfiguration}) for as long as this is open.
 */
final class StoredWim implements AutoCloseable {

    private final Path path;
    private final FileSystem share; // null for a local file

    private StoredWim(Path path, FileSystem share) {
        this.path = path;
        this.share = share;
    }

    static StoredWim open(String imageId, String storedPath) throws DistributionException {
        try {
            if (!UncPath.isUnc(storedPath)) {
                return new StoredWim(Path.of(storedPath), null);
            }
            UncPath unc = UncPath.parse(storedPath);
            FileSystem share = SmbShares.open(unc, SmbConfiguration.load());
            return new StoredWim(SmbShares.path(share, unc), share);
        } catch (IOException | IllegalArgumentException e) { // InvalidPathException is one
            throw new DistributionException(Reason.CONTENT_UNREADABLE, "image " + imageId + ": cannot open its WIM "
                    + storedPath + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (share != null) {
            try {
                share.close();
            } catch (IOException e) {
                // the copy is taken; a failed logoff loses nothing
            }
        }
    }
}
