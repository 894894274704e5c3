package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.fenestra.content.api.InsufficientSpaceException;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbShares;
import org.fenestra.wim.WimBlobInfo;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimStream;
import org.fenestra.wim.model.WriteOptions;

/**
 * How many bytes extracting one image can take at most, and whether the target has them.
 * The bound follows what an export writes: each distinct blob once (its stored bytes when
 * copied as it is; when recompressed, its size plus a chunk table, since chunks that do not
 * shrink are stored raw), the image's metadata (dentries, streams, security descriptors,
 * uncompressed), the XML, the blob table, the header and an integrity table, rounded up to
 * whole allocation units.
 */
final class ExtractionSpace {
    private static final long HEADER = 208;
    private static final long BLOB_TABLE_ENTRY = 50;
    private static final long SMALLEST_CHUNK = 4096;
    private static final long INTEGRITY_CHUNK = 10L * 1024 * 1024;
    private static final long ALLOCATION_UNIT = 64 * 1024;

    private ExtractionSpace() {
    }

    static long neededBytes(WimFile wim, int index, WriteOptions options) throws IOException {
        boolean recompressed = wim.hasSolidResources() || options.recompress();
        WimImage image = wim.openImage(index);
        Set<ByteBuffer> seen = new HashSet<>();
        long[] total = { HEADER + wim.xmlBytes().length + BLOB_TABLE_ENTRY };
        if (image.root() != null) {
            image.walk(image.root(), entry -> total[0] += entryBytes(entry, seen, recompressed));
        }
        total[0] += BLOB_TABLE_ENTRY * seen.size();
        total[0] = withChunkTable(total[0]);
        if (options.integrity()) {
            total[0] += 12 + 20 * (total[0] / INTEGRITY_CHUNK + 1);
        }
        return (total[0] / ALLOCATION_UNIT + 1) * ALLOCATION_UNIT;
    }

    /** One dentry's metadata (with room for tagged items and alignment) plus its blobs not yet counted. */
    private static long entryBytes(WimEntry entry, Set<ByteBuffer> seen, boolean recompressed) {
        long bytes = 160 + 4L * (entry.name().length() + (entry.shortName() == null ? 0 : entry.shortName().length()));
        byte[] security = entry.securityDescriptor();
        bytes += security == null ? 0 : security.length + 8;
        for (WimStream stream : entry.streams()) {
            bytes += 48 + (stream.name() == null ? 0 : 2L * stream.name().length());
            WimBlobInfo blob = stream.blob();
            if (blob != null && seen.add(ByteBuffer.wrap(blob.hash()))) {
                bytes += recompressed || blob.solid() ? withChunkTable(blob.size()) : blob.compressedSize();
            }
        }
        return bytes;
    }

    private static long withChunkTable(long size) {
        return size + 8 * (size / SMALLEST_CHUNK + 1) + 24;
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
