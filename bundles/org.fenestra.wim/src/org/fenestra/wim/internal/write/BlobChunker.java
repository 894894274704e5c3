package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.security.MessageDigest;

import org.fenestra.wim.internal.format.ResourceReader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.model.WimProgress;

/**
 * Cuts a blob's data into pieces of one size as it arrives, hashing and counting it; what
 * becomes of each piece (compressed on a worker, written as it is) is the writer's.
 */
abstract class BlobChunker implements ResourceReader.DataSink {
    protected final OutputBlob blob;
    private final int piece;
    private final WimProgress progress;
    private final MessageDigest sha = Sha1.newDigest();
    private byte[] buf;
    private int fill;
    private long total; // bytes received
    private long chunked; // bytes handed on in pieces

    BlobChunker(OutputBlob blob, int piece, WimProgress progress) {
        this.blob = blob;
        this.piece = piece;
        this.progress = progress;
        this.buf = new byte[(int) Math.min(piece, blob.size())];
    }

    @Override
    public void accept(byte[] b, int off, int len) throws IOException {
        sha.update(b, off, len);
        total += len;
        if (total > blob.size()) {
            throw new IOException(blob.source().describe() + ": more data than the expected " + blob.size() + " bytes");
        }
        int p = off;
        int left = len;
        while (left > 0) {
            int n = Math.min(left, buf.length - fill);
            System.arraycopy(b, p, buf, fill, n);
            fill += n;
            p += n;
            left -= n;
            if (fill == buf.length) {
                handOn();
            }
        }
    }

    private void handOn() throws IOException {
        WimProgress.checkCanceled(progress);
        byte[] data = buf;
        int length = fill;
        chunked += length;
        buf = new byte[(int) Math.min(piece, blob.size() - chunked)];
        fill = 0;
        chunk(data, length);
    }

    /** The next piece of the blob's data, in order; {@code data} is no longer the chunker's. */
    abstract void chunk(byte[] data, int length) throws IOException;

    /** The SHA-1 of the data received, once its length is checked to be the blob's. */
    byte[] finish() throws IOException {
        if (total != blob.size()) {
            throw new IOException(blob.source().describe() + ": " + total + " bytes read, expected " + blob.size());
        }
        return sha.digest();
    }
}
