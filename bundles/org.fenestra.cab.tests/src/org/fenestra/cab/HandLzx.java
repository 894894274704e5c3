package org.fenestra.cab;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small LZX (MS-CAB) encoder written from the format description, for what our compressor
 * never writes: a verbatim block spanning frames whose matches reach back into earlier frames
 * (and, with a 32 KiB window, wrap around it), an odd-sized uncompressed block spanning a frame
 * boundary that sets the recent offsets, a repeat match right after it, a short last frame.
 * Codes are fixed complete Huffman codes (lengths L-1 and L), lengths sent as plain deltas.
 */
final class HandLzx {

    record Stream(byte[] data, List<CabBuilder.Block> blocks) {
    }

    private static final int FRAME = 32768;
    private static final int[] EXTRA_BITS = new int[51];
    private static final int[] POSITION_BASE = new int[51];

    static {
        for (int i = 0, j = 0; i < 50; i += 2) {
            EXTRA_BITS[i] = j;
            EXTRA_BITS[i + 1] = j;
            if (i != 0 && j < 17) {
                j++;
            }
        }
        EXTRA_BITS[50] = 17;
        for (int i = 0, j = 0; i < 51; i++) {
            POSITION_BASE[i] = j;
            j += 1 << EXTRA_BITS[i];
        }
    }

    private final int windowSize;
    private final int mainSyms;
    private final byte[] data;
    private final List<CabBuilder.Block> blocks = new ArrayList<>();
    private ByteArrayOutputStream frameOut = new ByteArrayOutputStream();
    private int frameStart;
    private long bitBuf;
    private int bitCount;
    private int pos;
    private int r0 = 1, r1 = 1, r2 = 1;

    private final byte[] mainLens;
    private final int[] mainCodes;
    private final byte[] lenLens = lengths(249);
    private final int[] lenCodes = codes(lenLens);
    private final byte[] preLens = lengths(20);
    private final int[] preCodes = codes(preLens);

    private HandLzx(int windowOrder, int size) {
        windowSize = 1 << windowOrder;
        int slots = windowOrder == 21 ? 50 : windowOrder == 20 ? 42 : windowOrder * 2;
        mainSyms = 256 + 8 * slots;
        mainLens = lengths(mainSyms);
        mainCodes = codes(mainLens);
        data = new byte[size];
    }

    static Stream crossFrameStream(int windowOrder, long seed) {
        Random r = new Random(seed);
        int size = 4 * FRAME + 777;
        HandLzx e = new HandLzx(windowOrder, size);
        e.bits(0, 1); // no E8 translation
        // Block A, verbatim, frames 0 and 1: literals, then matches reaching into frame 0.
        int blockA = FRAME + 20000;
        e.verbatimHeader(blockA, new byte[e.mainSyms], new byte[249]);
        while (e.pos < FRAME) {
            e.literal(r.nextInt(5) == 0 ? r.nextInt(256) : 'a' + r.nextInt(6));
        }
        e.matches(r, FRAME + 20000);
        // Block B, uncompressed and odd-sized, from frame 1 into frame 2; its R0 is used at once.
        int rawLength = 19999;
        e.uncompressed(rawLength, 1000, 7, 3, r);
        // Block C, verbatim to the end (same code lengths: deltas of 0), the last frame short.
        e.verbatimHeader(size - e.pos, e.mainLens, e.lenLens);
        e.repeatMatch(0, 40);
        e.matches(r, size);
        e.endFrame();
        return new Stream(e.data, e.blocks);
    }

    /** Matches (explicit and repeat) and some literals up to {@code end}, never across a frame. */
    private void matches(Random r, int end) {
        while (pos < end) {
            int room = Math.min(end, frameStart + FRAME) - pos;
            if (room < 2 || r.nextInt(10) == 0) {
                literal(r.nextInt(256));
                continue;
            }
            int length = Math.min(room, 2 + r.nextInt(256));
            if (r.nextInt(4) == 0) {
                repeatMatch(0, length);
                continue;
            }
            int far = Math.min(pos, windowSize - 3);
            int offset = r.nextBoolean() ? far - r.nextInt(Math.min(far, 3000)) : 1 + r.nextInt(far);
            explicitMatch(offset, length);
        }
    }

    private void literal(int b) {
        data[pos++] = (byte) b;
        symbol(mainCodes, mainLens, b & 0xFF);
        frameBoundary();
    }

    private void explicitMatch(int offset, int length) {
        int formatted = offset + 2;
        int slot = 3;
        while (POSITION_BASE[slot + 1] <= formatted) {
            slot++;
        }
        lengthAndSlot(slot, length);
        bits(formatted - POSITION_BASE[slot], EXTRA_BITS[slot]);
        r2 = r1;
        r1 = r0;
        r0 = offset;
        copy(offset, length);
    }

    private void repeatMatch(int which, int length) {
        lengthAndSlot(which, length);
        copy(r0, length);
    }

    private void lengthAndSlot(int slot, int length) {
        int header = Math.min(length - 2, 7);
        symbol(mainCodes, mainLens, 256 + slot * 8 + header);
        if (header == 7) {
            symbol(lenCodes, lenLens, length - 9);
        }
    }

    private void copy(int offset, int length) {
        for (int i = 0; i < length; i++, pos++) {
            data[pos] = data[pos - offset];
        }
        frameBoundary();
    }

    private void verbatimHeader(int size, byte[] prevMain, byte[] prevLen) {
        bits(1, 3);
        bits(size >>> 8, 16);
        bits(size & 0xFF, 8);
        deltas(prevMain, mainLens, 0, 256);
        deltas(prevMain, mainLens, 256, mainSyms);
        deltas(prevLen, lenLens, 0, 249);
    }

    private void deltas(byte[] prev, byte[] lens, int from, int to) {
        for (int i = 0; i < 20; i++) {
            bits(preLens[i], 4);
        }
        for (int i = from; i < to; i++) {
            symbol(preCodes, preLens, ((prev[i] - lens[i]) % 17 + 17) % 17);
        }
    }

    private void uncompressed(int length, int a, int b, int c, Random r) {
        bits(3, 3);
        bits(length >>> 8, 16);
        bits(length & 0xFF, 8);
        bits(0, bitCount == 0 ? 16 : 16 - bitCount);
        for (int v : new int[] {a, b, c}) {
            for (int k = 0; k < 4; k++) {
                frameOut.write(v >>> (8 * k));
            }
        }
        r0 = a;
        r1 = b;
        r2 = c;
        for (int i = 0; i < length; i++) {
            int v = r.nextInt(256);
            data[pos++] = (byte) v;
            frameOut.write(v);
            frameBoundary();
        }
        if ((length & 1) != 0) {
            frameOut.write(0);
        }
    }

    private void symbol(int[] codes, byte[] lens, int sym) {
        bits(codes[sym], lens[sym]);
    }

    private void bits(int value, int n) {
        bitBuf = bitBuf << n | (value & ((1L << n) - 1));
        bitCount += n;
        while (bitCount >= 16) {
            bitCount -= 16;
            int unit = (int) (bitBuf >>> bitCount) & 0xFFFF;
            frameOut.write(unit);
            frameOut.write(unit >>> 8);
        }
    }

    /** At a frame's end: pad the bitstream to 16 bits and close the frame's CFDATA block. */
    private void frameBoundary() {
        if (pos == frameStart + FRAME) {
            endFrame();
        }
    }

    private void endFrame() {
        if (bitCount > 0) {
            bits(0, 16 - bitCount);
        }
        blocks.add(new CabBuilder.Block(frameOut.toByteArray(), pos - frameStart));
        frameOut = new ByteArrayOutputStream();
        frameStart = pos;
    }

    /** A complete code over n symbols: the first 2^L - n get length L-1, the rest L. */
    private static byte[] lengths(int n) {
        int l = 32 - Integer.numberOfLeadingZeros(n - 1);
        byte[] lens = new byte[n];
        int shorter = (1 << l) - n;
        Arrays.fill(lens, (byte) l);
        Arrays.fill(lens, 0, shorter, (byte) (l - 1));
        return lens;
    }

    /** Canonical codes: by length, then by symbol, counting up. */
    private static int[] codes(byte[] lens) {
        int[] codes = new int[lens.length];
        int code = 0;
        int prevLen = 0;
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s < lens.length; s++) {
                if (lens[s] == len) {
                    code <<= len - prevLen;
                    prevLen = len;
                    codes[s] = code++;
                }
            }
        }
        return codes;
    }
}
