package org.fenestra.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fenestra.catalog.api.ByteSize;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void sizesReadAsWindowsShowsThem() {
        assertEquals("0 bytes", ByteSize.text(0));
        assertEquals("1023 bytes", ByteSize.text(1023));
        assertEquals("1.5 KB", ByteSize.text(1536));
        assertEquals("118 MB", ByteSize.text(123_456_789));
        assertEquals("5.0 GB", ByteSize.text(5_368_709_120L));
        assertEquals("4.9 GB", ByteSize.text(5_261_334_937L));
        assertEquals("2.0 PB", ByteSize.text(1L << 51));
        assertEquals("8192 PB", ByteSize.text(Long.MAX_VALUE));
    }
}
