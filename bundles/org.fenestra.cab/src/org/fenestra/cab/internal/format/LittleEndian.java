package org.fenestra.cab.internal.format;

/** Little-endian field reads from a byte array (bounds are the caller's checks). */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int u8(byte[] b, int p) {
        return b[p] & 0xFF;
    }

    public static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    public static long u32(byte[] b, int p) {
        return ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24)
                & 0xFFFF_FFFFL;
    }
}
