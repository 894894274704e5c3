package org.fenestra.distribution.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reads in blocks only: its one-byte {@link #read()} goes through
 * {@link #read(byte[], int, int)}, the one method a body-streaming piece implements.
 */
public abstract class BlockInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
