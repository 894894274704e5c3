package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The factory accepts exactly wimlib's chunk sizes per codec. */
class DecompressorsTest {

    @ParameterizedTest
    @CsvSource({"XPRESS, 4096", "XPRESS, 65536", "LZX, 32768", "LZX, 2097152", "LZMS, 32768",
        "LZMS, 67108864", "LZMS, 1073741824", "NONE, 1", "NONE, 12345"})
    void acceptsSupportedSizes(CompressionType type, int size) {
        assertNotNull(Decompressors.create(type, size));
    }

    @ParameterizedTest
    @CsvSource({"XPRESS, 2048", "XPRESS, 131072", "XPRESS, 5000", "LZX, 16384", "LZX, 4194304", "LZX, 40000",
        "LZMS, 16384", "LZMS, 100000", "LZMS, -2147483648", "NONE, 0"})
    void rejectsUnsupportedSizes(CompressionType type, int size) {
        assertThrows(IllegalArgumentException.class, () -> Decompressors.create(type, size));
    }

    @Test
    void noneCopiesAndChecksTheSize() throws Exception {
        ChunkDecompressor d = Decompressors.create(CompressionType.NONE, 4096);
        byte[] src = {9, 1, 2, 3, 9};
        byte[] dst = new byte[5];
        d.decompress(src, 1, 3, dst, 2, 3);
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3}, dst);
        assertThrows(CorruptChunkException.class, () -> d.decompress(src, 0, 4, dst, 0, 5));
    }

    @Test
    void tinyInputsAreCorruptNotCrashes() {
        for (CompressionType t : new CompressionType[] {CompressionType.XPRESS, CompressionType.LZX, CompressionType.LZMS}) {
            ChunkDecompressor d = Decompressors.create(t, 32768);
            for (int n = 0; n < 8; n++) {
                int len = n;
                assertThrows(CorruptChunkException.class, () -> d.decompress(new byte[len], 0, len, new byte[100], 0, 100),
                        t + " with " + n + " input bytes");
            }
        }
    }
}
