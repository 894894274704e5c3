package org.fenestra.fuzz;

/**
 * How a decoder target reads its input: byte 0 picks the chunk size (a power of two in the
 * decoder's range), bytes 1-4 the uncompressed length (little-endian, reduced modulo
 * chunkSize + 1 so real lengths map to themselves), byte 5 the source and destination offsets
 * (low and high nibble, to exercise offset handling), then the compressed bytes. The seed
 * files in {@code corpus/<codec>/} use this layout.
 *
 * @param chunkSize  the decoder's chunk size
 * @param dstLen     uncompressed length asked for, 0..chunkSize
 * @param srcOff     where the compressed bytes start in the source array
 * @param dstOff     where the output starts in the destination array
 * @param compressed the compressed bytes
 */
record ChunkInput(int chunkSize, int dstLen, int srcOff, int dstOff, byte[] compressed) {
    static final int HEADER = 6;

    /** Parses {@code data}, or returns null when it is shorter than the header. */
    static ChunkInput parse(byte[] data, int minOrder, int maxOrder) {
        if (data.length < HEADER) {
            return null;
        }
        int order = minOrder + (data[0] & 0xFF) % (maxOrder - minOrder + 1);
        int chunkSize = 1 << order;
        int rawLen = (data[1] & 0xFF) | (data[2] & 0xFF) << 8 | (data[3] & 0xFF) << 16 | (data[4] & 0xFF) << 24;
        int dstLen = Integer.remainderUnsigned(rawLen, chunkSize + 1);
        byte[] compressed = java.util.Arrays.copyOfRange(data, HEADER, data.length);
        return new ChunkInput(chunkSize, dstLen, data[5] & 0x0F, (data[5] >> 4) & 0x0F, compressed);
    }
}
