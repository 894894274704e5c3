package org.fenestra.compress.lz;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Copies LZ77 matches inside an output buffer. Source and destination may overlap: the
 * result is always as if bytes were copied one at a time, front to back.
 */
public final class MatchCopy {

    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MatchCopy() {
    }

    /**
     * Copies {@code length} bytes from {@code b[pos - offset]} to {@code b[pos]}. The caller
     * has validated {@code 1 <= offset <= pos - start} and {@code pos + length <= limit};
     * bytes in {@code [pos + length, limit)} may be overwritten with garbage (they are
     * produced later), nothing at or after {@code limit} is touched.
     */
    public static void copy(byte[] b, int pos, int offset, int length, int limit) {
        int src = pos - offset;
        int stop = pos + length;
        if (offset >= 8) {
            if (stop + 8 <= limit) {
                // Word copy; each word's source bytes are already final because offset >= 8.
                if (length <= 32 || offset < length) {
                    do {
                        LE64.set(b, pos, (long) LE64.get(b, src));
                        pos += 8;
                        src += 8;
                    } while (pos < stop);
                    return;
                }
            }
            if (offset >= length) {
                System.arraycopy(b, src, b, pos, length);
                return;
            }
        } else if (offset == 1) {
            java.util.Arrays.fill(b, pos, stop, b[pos - 1]);
            return;
        }
        while (pos < stop) {
            b[pos++] = b[src++];
        }
    }
}
