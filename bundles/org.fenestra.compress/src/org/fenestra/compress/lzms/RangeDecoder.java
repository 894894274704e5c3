package org.fenestra.compress.lzms;

/**
 * LZMS binary range decoder, reading 16-bit little-endian units forwards from the start of
 * the chunk. State: a 32-bit range (initially 0xFFFFFFFF) and code (the first two units,
 * first one high). Before each bit, if the range has fallen below 2^16 both are shifted
 * left by 16 and the next unit is or-ed into the code (zero past the end of the input).
 *
 * <p>Probabilities are adaptive: each context entry remembers its last 64 decoded bits
 * (newest in the low bit, initially 0x55555555); the chance of a 0 is (number of zeros in
 * that history)/64, clamped to 1/64..63/64. The 0-region is the low {@code (range >>> 6) * p}
 * of the range.
 */
final class RangeDecoder {

    private byte[] in;
    private int pos;
    private int end;
    private int range;
    private int code;

    void reset(byte[] in, int off, int len) {
        this.in = in;
        this.range = 0xFFFF_FFFF;
        this.code = unit(in, off) << 16 | unit(in, off + 2);
        this.pos = off + 4;
        this.end = off + len;
    }

    private static int unit(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    /** Decodes one bit with the probability entry {@code probs[i]}, and updates the entry. */
    int bit(long[] probs, int i) {
        long history = probs[i];
        int p = 64 - Long.bitCount(history);
        if (p == 0) {
            p = 1;
        } else if (p == 64) {
            p = 63;
        }
        if ((range & 0xFFFF_0000) == 0) {
            range <<= 16;
            code <<= 16;
            if (pos < end) {
                code |= unit(in, pos);
                pos += 2;
            }
        }
        int bound = (range >>> 6) * p;
        if (Integer.compareUnsigned(code, bound) < 0) {
            range = bound;
            probs[i] = history << 1;
            return 0;
        }
        range -= bound;
        code -= bound;
        probs[i] = history << 1 | 1;
        return 1;
    }
}
