package org.fenestra.wim.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small format facts checked without a WIM. */
class FormatPiecesTest {

    @Test
    void resourceHeaderFields() {
        byte[] b = new byte[24];
        b[0] = 0x34;
        b[1] = 0x12;
        b[7] = ResourceHeader.FLAG_COMPRESSED | ResourceHeader.FLAG_METADATA;
        b[8] = (byte) 0xD0;
        b[16] = 0x00;
        b[17] = 0x20;
        ResourceHeader h = ResourceHeader.parse(b, 0);
        assertEquals(0x1234, h.sizeInWim());
        assertEquals(0xD0, h.offsetInWim());
        assertEquals(0x2000, h.uncompressedSize());
        assertTrue(h.has(ResourceHeader.FLAG_COMPRESSED));
        assertTrue(h.fitsIn(0xD0 + 0x1234));
        assertFalse(h.fitsIn(0xD0 + 0x1233));
    }

    @Test
    void wimlibTimeFormat() {
        assertEquals("Fri Jan 01 00:00:00 2010 UTC", WimTime.format(129067776000000000L));
    }

    @Test
    void collationIgnoresCaseFirst() {
        assertTrue(NameCollation.INSTANCE.compare("UPPER.TXT", "upper.txt") < 0);
        assertTrue(NameCollation.INSTANCE.compare("a", "B") < 0);
        assertTrue(NameCollation.INSTANCE.compare("ab", "a") > 0);
    }

    @Test
    void strtoullLikeNumbers() {
        assertEquals(10, XmlDocument.parseUnsigned("10", 10));
        assertEquals(0, XmlDocument.parseUnsigned("10x", 10));
        assertEquals(0x1DD7BBA, XmlDocument.parseUnsigned("0x01DD7BBA", 16));
        assertEquals(0, XmlDocument.parseUnsigned(null, 10));
    }

    @Test
    void taggedItemsSkipUnknownAndMalformed() {
        byte[] items = new byte[8 + 8 + 8 + 16];
        items[0] = 0x42; // unknown tag, 3 bytes of data padded to 8
        items[4] = 3;
        int at = 16;
        int tag = TaggedItems.TAG_WIMLIB_UNIX_DATA;
        for (int i = 0; i < 4; i++) {
            items[at + i] = (byte) (tag >>> (8 * i));
        }
        items[at + 4] = 16;
        items[at + 8 + 8] = (byte) 0xED; // mode 0755 | dir -> low byte
        TaggedItems t = new TaggedItems(items);
        assertEquals(0xED, t.unixData().mode() & 0xFF);
        items[4] = (byte) 0xFF; // first item now claims to run past the end
        assertEquals(null, new TaggedItems(items).unixData());
    }
}
