package org.fenestra.wim.internal.format;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;

import org.fenestra.wim.errors.IntegrityException;
import org.fenestra.wim.errors.InvalidIntegrityTableException;
import org.fenestra.wim.model.WimProgress;

/**
 * The integrity table: SHA-1 digests of fixed-size chunks of the file region that starts right
 * after the 208-byte header and ends at the end of the blob table (so it covers the resources
 * and the blob table, not the XML data or the table itself).
 *
 * <pre>
 * offset size field
 *  0     4    size of the table in bytes (= 12 + 20 * count)
 *  4     4    count of entries = ceil(checked bytes / chunk size)
 *  8     4    chunk size (wimlib writes 10 MiB)
 * 12  20*n    SHA-1 of each chunk; the last chunk is shorter
 * </pre>
 */
public final class IntegrityTable {
    private static final int HEADER = 12;
    private static final int SHA1 = 20;

    private final long chunkSize;
    private final byte[][] digests;

    private IntegrityTable(long chunkSize, byte[][] digests) {
        this.chunkSize = chunkSize;
        this.digests = digests;
    }

    /** Reads the table; returns null when the WIM has none. */
    public static IntegrityTable read(WimSource src, WimHeader hdr) throws IOException {
        if (!hdr.hasIntegrityTable()) {
            return null;
        }
        ResourceHeader h = hdr.integrityTable();
        if (!h.fitsIn(src.size())) {
            throw WimHeader.beyondEnd(src, "integrity table", h);
        }
        long checked = checkedBytes(src, hdr);
        if (h.uncompressedSize() < HEADER) {
            throw invalid(src, h, "table of " + h.uncompressedSize() + " bytes is shorter than its header");
        }
        byte[] raw = ResourceReader.readAll(Resource.nonSolid(src, hdr, h), "integrity table", 1L << 28);
        long size = LittleEndian.u32(raw, 0);
        long count = LittleEndian.u32(raw, 4);
        long chunk = LittleEndian.u32(raw, 8);
        if (size != raw.length || size != HEADER + count * SHA1 || chunk == 0
                || count != (checked + chunk - 1) / chunk) {
            throw invalid(src, h, "size " + size + ", " + count + " entries of chunk size " + chunk
                    + " do not describe " + checked + " checked bytes");
        }
        byte[][] digests = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            digests[i] = Arrays.copyOfRange(raw, HEADER + i * SHA1, HEADER + (i + 1) * SHA1);
        }
        return new IntegrityTable(chunk, digests);
    }

    private static long checkedBytes(WimSource src, WimHeader hdr) throws InvalidIntegrityTableException {
        long end = hdr.blobTableEnd();
        if (end < WimHeader.DISK_SIZE || end > src.size()) {
            throw invalid(src, hdr.integrityTable(), "blob table end 0x" + Long.toHexString(end)
                    + " is not within the file");
        }
        return end - WimHeader.DISK_SIZE;
    }

    private static InvalidIntegrityTableException invalid(WimSource src, ResourceHeader h, String detail) {
        return new InvalidIntegrityTableException(src.describe("integrity table", h.offsetInWim(), detail));
    }

    /** Hashes every chunk of the checked region; throws at the first mismatch. */
    public void verify(WimSource src, WimHeader hdr, WimProgress progress) throws IOException {
        long checked = checkedBytes(src, hdr);
        MessageDigest sha = Sha1.newDigest();
        byte[] buf = new byte[1 << 20];
        long pos = WimHeader.DISK_SIZE;
        for (int i = 0; i < digests.length; i++) {
            long len = Math.min(chunkSize, checked - (long) i * chunkSize);
            long done = 0;
            while (done < len) {
                WimProgress.checkCanceled(progress);
                int n = (int) Math.min(buf.length, len - done);
                src.readFully(pos + done, buf, 0, n, "integrity-checked region");
                sha.update(buf, 0, n);
                done += n;
                progress.worked(n);
            }
            if (!Arrays.equals(sha.digest(), digests[i])) {
                throw new IntegrityException(src.describe("integrity chunk " + i, pos,
                        "SHA-1 differs from the integrity table: the WIM file is corrupted"));
            }
            pos += len;
        }
    }

    public long chunkSize() {
        return chunkSize;
    }

    public int chunkCount() {
        return digests.length;
    }
}
