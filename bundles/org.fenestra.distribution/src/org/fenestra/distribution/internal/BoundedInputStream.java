package org.fenestra.distribution.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * At most {@code length} bytes of another stream, which it never closes: one piece of a request
 * body (a delta's sent bytes on the DP, a piece of the new WIM on the site). Ends early only when
 * the stream does; {@link #remaining()} says how much of the piece is still to come.
 */
public final class BoundedInputStream extends BlockInputStream {

    private final InputStream in;
    private long left;

    public BoundedInputStream(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    public long remaining() {
        return left;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int read = in.read(b, off, (int) Math.min(len, left));
        if (read > 0) {
            left -= read;
        }
        return read;
    }
}
