package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.content.api.InsufficientSpaceException;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbShares;
import org.fenestra.wim.WimFile;

/**
 * Whether the target has room for an extracted image (the engine's
 * {@link WimFile#exportSizeBound bound}), and whether a failed write ran out of space.
 */
final class ExtractionSpace {

    private ExtractionSpace() {
    }

    /** Fails before writing when the target's volume or share has less usable space than needed. */
    static void check(Path target, long needed) throws IOException, InsufficientSpaceException {
        long available = Files.getFileStore(target.toAbsolutePath().getParent()).getUsableSpace();
        if (available < needed) {
            throw new InsufficientSpaceException(target.toString(), needed, available, null);
        }
    }

    /** Whether a failed write ran out of space (SMB STATUS_DISK_FULL, local ENOSPC or EDQUOT). */
    static boolean isDiskFull(Throwable error) {
        if (SmbShares.isCausedBy(error, SmbException.Kind.DISK_FULL)) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    static long usableSpace(Path target) {
        try {
            return Files.getFileStore(target.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
