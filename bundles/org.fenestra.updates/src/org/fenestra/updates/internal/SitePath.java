package org.fenestra.updates.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.fenestra.smb.SmbConfiguration;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbShares;
import org.fenestra.smb.UncPath;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;

/**
 * A path the site records (an update source folder, a package file, an image's WIM), opened where
 * it lives: local, or on an SMB share connected for as long as this is open.
 */
final class SitePath implements AutoCloseable {

    private final Path path;
    private final FileSystem share; // null when local

    private SitePath(Path path, FileSystem share) {
        this.path = path;
        this.share = share;
    }

    static SitePath open(String text, SmbConfiguration smb) throws UpdateException {
        if (!UncPath.isUnc(text)) {
            return new SitePath(local(text), null);
        }
        UncPath unc;
        try {
            unc = UncPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, text, e.getMessage(), e);
        }
        try {
            FileSystem share = SmbShares.open(unc, smb);
            return new SitePath(SmbShares.path(share, unc), share);
        } catch (SmbException e) {
            Reason reason = e.kind() == SmbException.Kind.SHARE_NOT_FOUND ? Reason.SOURCE_NOT_FOUND : Reason.SOURCE_UNREADABLE;
            throw new UpdateException(reason, text, "cannot open " + text + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, text, e.getMessage(), e);
        }
    }

    /** Absolute and normalized, so the catalog records where the folder is, not where the console stood. */
    static Path local(String text) throws UpdateException {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, text, "not a valid path: " + text, e);
        }
    }

    /** Whether {@code text} names a UNC path, which is recorded as written rather than made absolute. */
    static boolean isUnc(String text) {
        return UncPath.isUnc(text);
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
                System.getLogger(SitePath.class.getName()).log(Level.DEBUG, "disconnecting " + share, e);
            }
        }
    }
}
