package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fenestra.compress.CompressionType;
import org.junit.jupiter.api.Test;

/**
 * How many solid chunks the writer keeps in flight for a heap and a processor count: LZMS
 * chunks of 64 MiB take some 1.1 GiB each (their compressor included), the heap keeps 1 GiB
 * (or half, if more) for the rest of the program; LZMS chunks are never more than one per
 * processor, others two.
 */
class SolidChunksInFlightTest {

    private static final long GIB = 1L << 30;
    private static final int LZMS_SOLID_CHUNK = 64 << 20;

    @Test
    void lzmsChunksOfSixtyFourMib() {
        assertEquals(1, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, GIB, 2));
        assertEquals(1, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 2 * GIB, 2));
        assertEquals(1, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 3 * GIB, 2));
        assertEquals(2, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 3 * GIB + GIB / 4, 2));
        assertEquals(2, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 4 * GIB, 2)); // 8 GiB machine
        assertEquals(2, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 12 * GIB, 2)); // by processors
        assertEquals(8, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 12 * GIB, 8));
        assertEquals(10, SolidResourceWriter.inFlight(CompressionType.LZMS, LZMS_SOLID_CHUNK, 12 * GIB, 16)); // by memory
    }

    @Test
    void smallChunksAreBoundByProcessorsAndHalfOfATinyHeap() {
        assertEquals(4, SolidResourceWriter.inFlight(CompressionType.XPRESS, 32768, GIB, 2));
        assertEquals(16, SolidResourceWriter.inFlight(CompressionType.LZX, 1 << 20, 6 * GIB, 8));
        assertEquals(3, SolidResourceWriter.inFlight(CompressionType.LZX, 1 << 20, 24L << 20, 8)); // 12 MiB budget, 4 MiB each
    }
}
