package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;

/**
 * Computes an integrity table (layout in {@link org.fenestra.wim.internal.format.IntegrityTable}) by
 * reading back the written region from the end of the header to the end of the blob table,
 * in 10 MiB chunks as wimlib does.
 */
final class IntegrityTableWriter {
    static final int CHUNK = 10 << 20;

    private IntegrityTableWriter() {
    }

    static byte[] compute(FileChannel ch, long blobTableEnd, WimProgress progress) throws IOException {
        long checked = blobTableEnd - WimHeader.DISK_SIZE;
        int count = (int) ((checked + CHUNK - 1) / CHUNK);
        byte[] table = new byte[12 + 20 * count];
        LittleEndian.put32(table, 0, table.length);
        LittleEndian.put32(table, 4, count);
        LittleEndian.put32(table, 8, CHUNK);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        MessageDigest sha = Sha1.newDigest();
        progress.activity(WimActivity.CALC_INTEGRITY, null);
        progress.activityWork(0, checked);
        for (int i = 0; i < count; i++) {
            WimProgress.checkCanceled(progress);
            long from = WimHeader.DISK_SIZE + (long) i * CHUNK;
            long to = Math.min(from + CHUNK, blobTableEnd);
            long pos = from;
            while (pos < to) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), to - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("output WIM ends before its blob table");
                }
                sha.update(buf.array(), 0, n);
                pos += n;
            }
            System.arraycopy(sha.digest(), 0, table, 12 + 20 * i, 20);
            progress.activityWork(to - WimHeader.DISK_SIZE, checked);
        }
        return table;
    }
}
