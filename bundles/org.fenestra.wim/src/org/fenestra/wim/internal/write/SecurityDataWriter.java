package org.fenestra.wim.internal.write;

import java.util.List;

import org.fenestra.wim.internal.format.LittleEndian;

/**
 * Serializes the security data that starts a metadata resource (layout in
 * {@link org.fenestra.wim.internal.format.SecurityData}): total length (padded to 8), count, the sizes,
 * the descriptors, zero padding.
 */
final class SecurityDataWriter {
    private SecurityDataWriter() {
    }

    static byte[] write(List<byte[]> descriptors) {
        long unpadded = 8L + 8L * descriptors.size();
        for (byte[] d : descriptors) {
            unpadded += d.length;
        }
        int total = Math.toIntExact((unpadded + 7) & ~7L);
        byte[] b = new byte[total];
        LittleEndian.put32(b, 0, total);
        LittleEndian.put32(b, 4, descriptors.size());
        int p = 8;
        for (byte[] d : descriptors) {
            LittleEndian.put64(b, p, d.length);
            p += 8;
        }
        for (byte[] d : descriptors) {
            System.arraycopy(d, 0, b, p, d.length);
            p += d.length;
        }
        return b;
    }

}
