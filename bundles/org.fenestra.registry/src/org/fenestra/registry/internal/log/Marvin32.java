package org.fenestra.registry.internal.log;

/** Marvin32, the keyed hash that new-format transaction log entries carry (two 32-bit halves, hi << 32 | lo). */
public final class Marvin32 {
    /** The seed Windows uses for log entries. */
    public static final long LOG_SEED = 0xC5554E7A884DEF82L;

    private Marvin32() {
    }

    public static long hash(byte[] data, int offset, int length, long seed) {
        int lo = (int) seed;
        int hi = (int) (seed >>> 32);
        int pos = offset;
        int end = offset + length;
        while (end - pos >= 4) {
            lo += (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16 | (data[pos + 3] & 0xFF) << 24;
            int[] s = mix(lo, hi);
            lo = s[0];
            hi = s[1];
            pos += 4;
        }
        int last = 0x80;
        for (int i = end - 1; i >= pos; i--) {
            last = last << 8 | (data[i] & 0xFF);
        }
        lo += last;
        int[] s = mix(lo, hi);
        s = mix(s[0], s[1]);
        return (long) s[1] << 32 | (s[0] & 0xFFFFFFFFL);
    }

    private static int[] mix(int lo, int hi) {
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 20);
        lo += hi;
        hi = Integer.rotateLeft(hi, 9);
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 27);
        lo += hi;
        hi = Integer.rotateLeft(hi, 19);
        return new int[] {lo, hi};
    }
}
