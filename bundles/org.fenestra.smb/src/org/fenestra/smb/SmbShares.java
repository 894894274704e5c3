package org.fenestra.smb;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.fenestra.smb.SmbException.Kind;
import org.fenestra.smb.internal.SmbConnector;

/**
 * Opens SMB2/3 shares (through smbj) as {@link FileSystem}s, so code written for
 * {@code java.nio.file} (the WIM reader and writer) works on them unchanged. Closing the file
 * system logs off and disconnects.
 *
 * @since 0.1
 */
public final class SmbShares {
    /** How long one SMB request may take before the share counts as unreachable. */
    public static final long TIMEOUT_SECONDS = 60;

    private SmbShares() {
    }

    /**
     * Connects to {@code server:port}, logs on with {@code credentials} and connects to {@code share}.
     *
     * @throws SmbException {@link Kind#HOST_UNREACHABLE}, {@link Kind#AUTHENTICATION_FAILED} or
     *         {@link Kind#SHARE_NOT_FOUND} (or {@link Kind#OTHER}), with the server and share in the message
     */
    public static FileSystem open(String server, int port, String share, SmbCredentials credentials)
            throws SmbException {
        return SmbConnector.open(server, port, share, credentials, TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }

    /** Opens the share of {@code unc} with the port and credentials {@code configuration} gives for its server. */
    public static FileSystem open(UncPath unc, SmbConfiguration configuration) throws SmbException {
        return open(unc.server(), configuration.port(unc.server()), unc.share(), configuration.credentials(unc.server()));
    }

    /** {@code unc} as a path on {@code share} (opened for the same server and share). */
    public static Path path(FileSystem share, UncPath unc) {
        return share.getPath(unc.toString());
    }

    /** Whether {@code path} lives on an SMB share opened here. */
    public static boolean isOnShare(Path path) {
        return path.getFileSystem().provider().getScheme().equals("smb");
    }

    /** Whether {@code error} or one of its causes is a {@link SmbException} of {@code kind}. */
    public static boolean isCausedBy(Throwable error, Kind kind) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SmbException e && e.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
