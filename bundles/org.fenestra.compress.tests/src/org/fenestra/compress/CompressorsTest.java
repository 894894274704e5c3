package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fenestra.compress.codecs.Compressors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compressor factory accepts the decoders' chunk sizes and wimlib's level scale. */
class CompressorsTest {

    @ParameterizedTest
    @CsvSource({"XPRESS, 4096", "XPRESS, 65536", "LZX, 32768", "LZX, 2097152", "NONE, 1", "NONE, 12345"})
    void acceptsSupportedSizes(CompressionType type, int size) {
        for (int level : new int[] {1, 20, 50, 100, 1000}) {
            assertNotNull(Compressors.create(type, size, level));
        }
        assertNotNull(Compressors.create(type, size));
    }

    @ParameterizedTest
    @CsvSource({"XPRESS, 2048", "XPRESS, 131072", "XPRESS, 5000", "LZX, 16384", "LZX, 4194304", "LZX, 40000",
        "NONE, 0"})
    void rejectsUnsupportedSizes(CompressionType type, int size) {
        assertThrows(IllegalArgumentException.class, () -> Compressors.create(type, size, 50));
    }

    @Test
    void rejectsBadLevels() {
        assertThrows(IllegalArgumentException.class, () -> Compressors.create(CompressionType.LZX, 32768, 0));
        assertThrows(IllegalArgumentException.class, () -> Compressors.create(CompressionType.XPRESS, 32768, 1001));
    }

    @Test
    void noneStoresEverythingRaw() {
        ChunkCompressor c = Compressors.create(CompressionType.NONE, 4096, 50);
        assertEquals(0, c.compress(new byte[4096], 0, 4096, new byte[4096], 0, 4096));
    }

    @Test
    void oversizedChunksAndBadRangesAreArgumentErrors() {
        for (CompressionType t : new CompressionType[] {CompressionType.XPRESS, CompressionType.LZX}) {
            ChunkCompressor c = Compressors.create(t, 32768, 50);
            assertThrows(IllegalArgumentException.class, () -> c.compress(new byte[40000], 0, 40000, new byte[50000], 0, 50000));
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(new byte[100], 50, 60, new byte[200], 0, 200));
            assertThrows(IndexOutOfBoundsException.class, () -> c.compress(new byte[100], 0, 100, new byte[200], 150, 60));
        }
    }
}
