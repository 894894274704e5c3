package org.fenestra.compress.lzms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Pieces of the LZMS compressor that the public round trips reach only partly: the x86
 * filter in both directions, chunks larger than the match-finder window, the window chosen
 * for the heap, and the slot lookups for offsets of every size.
 */
class LzmsCompressorInternalsTest {

    /** Real x86-64 code (libc), falling back to synthetic CALL/LEA patterns if absent. */
    private static byte[] x86Code(int size) throws IOException {
        Path libc = Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6");
        if (Files.isRegularFile(libc) && Files.size(libc) >= size) {
            return Arrays.copyOf(Files.readAllBytes(libc), size);
        }
        byte[] b = new byte[size];
        Random rnd = new Random(1);
        for (int p = 0; p + 8 < size; p += 8) {
            b[p] = (byte) 0xE8;
            int rel = 4096 - p + rnd.nextInt(4);
            for (int k = 0; k < 4; k++) {
                b[p + 1 + k] = (byte) (rel >>> (8 * k));
            }
        }
        return b;
    }

    @Test
    void x86FilterApplyThenUndoRestoresAndChangesCode() throws IOException {
        X86Filter f = new X86Filter();
        byte[] code = x86Code(1 << 20);
        byte[] t = code.clone();
        f.apply(t, 0, t.length);
        assertFalse(Arrays.equals(code, t), "no operand of real x86 code was translated");
        f.undo(t, 0, t.length);
        assertArrayEquals(code, t);

        Random rnd = new Random(4);
        for (int round = 0; round < 200; round++) {
            int len = rnd.nextInt(5000);
            byte[] b = new byte[len + 20];
            for (int i = 0; i < b.length; i++) {
                int r = rnd.nextInt(8);
                b[i] = (byte) (r < 4 ? new int[] {0xE8, 0xE9, 0x48, 0xFF}[r] : rnd.nextInt(r == 4 ? 4 : 256));
            }
            byte[] c = b.clone();
            f.apply(c, 10, len);
            f.undo(c, 10, len);
            assertArrayEquals(b, c, "round " + round);
        }
    }

    @Test
    void chunksLargerThanTheWindowRoundTrip() throws Exception {
        byte[] code = x86Code(600_000);
        byte[] data = new byte[1 << 20];
        System.arraycopy(code, 0, data, 0, code.length);
        System.arraycopy(code, 0, data, code.length, data.length - code.length); // repeats across windows
        LzmsDecompressor d = new LzmsDecompressor(1 << 20);
        for (int window : new int[] {1 << 16, 100_000, 1 << 19}) {
            LzmsCompressor c = new LzmsCompressor(1 << 20, 50, window);
            byte[] dst = new byte[data.length];
            int n = c.compress(data, 0, data.length, dst, 0, data.length);
            assertTrue(n > 0 && n < data.length * 3 / 4, "window " + window + ": " + n);
            byte[] back = new byte[data.length];
            d.decompress(dst, 0, n, back, 0, data.length);
            assertArrayEquals(data, back, "window " + window);
        }
    }

    @Test
    void offsetSlotsHoldTheirOffsets() {
        Random rnd = new Random(7);
        int top = LzmsTables.OFFSET_BASE[LzmsTables.MAX_OFFSET_SLOTS] - 1;
        for (int k = 0; k < 2_000_000; k++) {
            int v = k < 1 << 20 ? k + 1 : 1 + (int) ((rnd.nextLong() & Long.MAX_VALUE) % top);
            int s = LzmsSlots.offsetSlot(v);
            assertTrue(LzmsTables.OFFSET_BASE[s] <= v && v < LzmsTables.OFFSET_BASE[s + 1], "offset " + v + " in slot " + s);
        }
        for (int s = 0; s < LzmsTables.MAX_OFFSET_SLOTS; s++) { // every slot's first and last offset
            assertEquals(s, LzmsSlots.offsetSlot(LzmsTables.OFFSET_BASE[s]));
            assertEquals(s, LzmsSlots.offsetSlot(LzmsTables.OFFSET_BASE[s + 1] - 1));
        }
    }

    @Test
    void windowNarrowsWithTheHeapOnly() {
        long mib = 1 << 20;
        assertEquals(64 * mib, LzmsCompressor.windowForHeap(6144 * mib)); // default heap on 24 GiB
        assertEquals(64 * mib, LzmsCompressor.windowForHeap(2048 * mib));
        assertEquals(32 * mib, LzmsCompressor.windowForHeap(1024 * mib)); // the tests' -Xmx1g
        assertEquals(32 * mib, LzmsCompressor.windowForHeap(2047 * mib));
        assertEquals(2 * mib, LzmsCompressor.windowForHeap(64 * mib));
        assertEquals(mib, LzmsCompressor.windowForHeap(16 * mib));
    }
}
