package org.fenestra.cab.internal.read;

import java.io.IOException;

/**
 * Sequential reads of one folder's data blocks through a private buffer, so the shared channel
 * is asked for large pieces (one round trip per piece on a network share), not per block header.
 */
final class BufferedBlockInput {

    private static final int BUFFER_SIZE = 1 << 20;

    private final CabinetChannel channel;
    private final byte[] buffer;
    private long bufferStart;
    private int bufferLength;

    BufferedBlockInput(CabinetChannel channel) {
        this.channel = channel;
        // Small cabinets (most update packages' inner ones) need no more than their size.
        this.buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(channel.size(), 64))];
    }

    /** Reads exactly {@code len} bytes at {@code pos}, or fails naming {@code what}. */
    void readFully(long pos, byte[] b, int off, int len, String what) throws IOException {
        if (pos < 0 || pos > channel.size() - len) {
            throw channel.truncated(what, pos, len);
        }
        if (len > buffer.length / 4) {
            channel.readFully(pos, b, off, len, what);
            return;
        }
        if (pos < bufferStart || pos + len > bufferStart + bufferLength) {
            bufferStart = pos;
            bufferLength = channel.readAtMost(pos, buffer, 0, buffer.length);
            if (bufferLength < len) {
                throw channel.truncated(what, pos, len);
            }
        }
        System.arraycopy(buffer, (int) (pos - bufferStart), b, off, len);
    }
}
