package org.fenestra.compress.lzx;

import static org.fenestra.compress.lzx.LzxConstants.*;

import java.util.Objects;

import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.FrameDecompressor;
import org.fenestra.compress.huffman.DecodeTable;
import org.fenestra.compress.huffman.WordBitReader;
import org.fenestra.compress.lz.MatchCopy;

/**
 * LZX decoder, MS-CAB variant: one stream per CAB folder, decoded in frames of 32768 output
 * bytes (the last may be shorter), each frame from its own CFDATA block. What differs from the
 * WIM variant ({@link LzxDecompressor}):
 * <ul>
 * <li>the window is {@code 2^order} bytes and slides over the whole folder: matches reach back
 * into earlier frames; code lengths (the deltas' base), recent offsets and the current block
 * carry from frame to frame, and a block may span frames (an uncompressed one continues with
 * the raw bytes at the start of the next frame's input);</li>
 * <li>the stream starts with a header: 1 bit, and if set the 32-bit E8 translation size as two
 * 16-bit halves, high first; a block header is the 3-bit type and always a 24-bit size;</li>
 * <li>E8 translation is undone per frame, with the frame's offset in the folder as the base of
 * positions, once a block that may hold E8 bytes has been seen (a main code with a length for
 * 0xE8, or an uncompressed block), for the first 32768 frames, and only on frames over 10 bytes;</li>
 * <li>a frame's bitstream ends at a 16-bit boundary; matches end within their block and frame.</li>
 * </ul>
 */
public final class LzxFrameDecompressor implements FrameDecompressor {

    private static final int MAIN_TABLE_BITS = 11;
    private static final int LEN_TABLE_BITS = 10;
    private static final int ALIGNED_TABLE_BITS = 7;
    private static final int MAX_CODEWORD_LEN = 16;
    private static final int MAX_ALIGNED_LEN = 7;
    private static final int FRAME_SIZE = 32768;
    private static final int MAX_E8_FRAMES = 32768;
    private static final int UNCOMPRESSED = 3;

    private final int windowSize;
    private final int numMainSyms;
    private final byte[] window;

    private final byte[] mainLens = new byte[MAX_MAIN_SYMS];
    private final byte[] lenLens = new byte[LEN_SYMS];
    private final byte[] alignedLens = new byte[ALIGNED_SYMS];
    private final int[] mainTable = new int[2726];
    private final int[] lenTable = new int[1326];
    private final int[] alignedTable = new int[128];
    private final int[] work = new int[DecodeTable.workSize(MAX_MAIN_SYMS, MAX_CODEWORD_LEN)];
    private final int[] extraBitsVerbatim = EXTRA_BITS.clone();
    private final int[] extraBitsAligned = new int[MAX_OFFSET_SLOTS];
    private final WordBitReader br = new WordBitReader();
    private final LzxCodeReader codeReader = new LzxCodeReader(work);

    private int r0 = 1, r1 = 1, r2 = 1;
    private boolean headerRead;
    private int e8FileSize;
    private boolean e8Started;
    private int blockType;
    private int blockLength;
    private int blockRemaining;
    private int windowPos;
    private long totalOut;
    private int frames;
    private boolean ended;
    private boolean broken;
    private int inBase;
    private int frameStart;

    /** @param windowOrder the folder's window order, 15 to 21 */
    public LzxFrameDecompressor(int windowOrder) {
        if (windowOrder < 15 || windowOrder > 21) {
            throw new IllegalArgumentException("unsupported LZX window order " + windowOrder);
        }
        this.windowSize = 1 << windowOrder;
        this.numMainSyms = numMainSymbols(windowOrder);
        this.window = new byte[windowSize];
        for (int s = 0; s < MAX_OFFSET_SLOTS; s++) {
            extraBitsAligned[s] = s >= MIN_ALIGNED_SLOT ? EXTRA_BITS[s] - 3 : EXTRA_BITS[s];
        }
    }

    @Override
    public void decompressFrame(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen < 1 || dstLen > FRAME_SIZE) {
            throw new IllegalArgumentException("LZX frame of " + dstLen + " bytes (1 to " + FRAME_SIZE + ")");
        }
        if (broken) {
            throw new CorruptChunkException("LZX: the stream is already known corrupt (frame " + frames + ")");
        }
        broken = true;
        if (ended) {
            throw corrupt("a frame follows a frame shorter than " + FRAME_SIZE + " bytes", windowPos);
        }
        inBase = srcOff;
        br.reset(src, srcOff, srcLen);
        frameStart = windowPos;
        if (!headerRead) {
            if (br.read(1) == 1) {
                int high = br.read(16);
                e8FileSize = high << 16 | br.read(16);
            }
            headerRead = true;
        }
        final int frameEnd = frameStart + dstLen;
        int out = frameStart;
        while (out < frameEnd) {
            if (blockRemaining == 0) {
                readBlockHeader(out);
            }
            int runEnd = out + Math.min(blockRemaining, frameEnd - out);
            int next;
            if (blockType == UNCOMPRESSED) {
                next = copyRaw(out, runEnd);
            } else {
                next = decodeRun(out, runEnd, blockType == 2);
            }
            blockRemaining -= next - out;
            out = next;
        }
        if (br.overrun()) {
            throw corrupt("frame data ends prematurely", out);
        }
        System.arraycopy(window, frameStart, dst, dstOff, dstLen);
        if (e8Started && e8FileSize != 0 && frames < MAX_E8_FRAMES && dstLen > 10) {
            E8Filter.undo(dst, dstOff, dstLen, (int) totalOut, e8FileSize);
        }
        totalOut += dstLen;
        frames++;
        windowPos = frameEnd == windowSize ? 0 : frameEnd;
        ended = dstLen < FRAME_SIZE;
        broken = false;
    }

    private void readBlockHeader(int out) throws CorruptChunkException {
        if (blockType == UNCOMPRESSED && (blockLength & 1) != 0) {
            // The padding byte after an odd-sized uncompressed block (the reader is byte-aligned here).
            br.restartAt(br.pos + 1);
        }
        br.ensure(27);
        int type = br.read(3);
        int high = br.read(16);
        int size = high << 8 | br.read(8);
        if (size == 0) {
            throw corrupt("empty block", out);
        }
        if (type == UNCOMPRESSED) {
            e8Started = true;
            startRaw(out);
        } else if (type == 1 || type == 2) {
            if (type == 2) {
                for (int i = 0; i < ALIGNED_SYMS; i++) {
                    alignedLens[i] = (byte) br.read(3);
                }
                if (!DecodeTable.build(alignedTable, ALIGNED_SYMS, ALIGNED_TABLE_BITS, alignedLens, 0, MAX_ALIGNED_LEN,
                        work)) {
                    throw corrupt("invalid aligned offset code", out);
                }
            }
            readLengths(mainLens, 0, NUM_CHARS, out);
            readLengths(mainLens, NUM_CHARS, numMainSyms - NUM_CHARS, out);
            if (!DecodeTable.build(mainTable, numMainSyms, MAIN_TABLE_BITS, mainLens, 0, MAX_CODEWORD_LEN, work)) {
                throw corrupt("invalid main code", out);
            }
            e8Started |= mainLens[0xE8] != 0;
            readLengths(lenLens, 0, LEN_SYMS, out);
            if (!DecodeTable.build(lenTable, LEN_SYMS, LEN_TABLE_BITS, lenLens, 0, MAX_CODEWORD_LEN, work)) {
                throw corrupt("invalid length code", out);
            }
        } else {
            throw corrupt("invalid block type " + type, out);
        }
        blockType = type;
        blockLength = size;
        blockRemaining = size;
    }

    private void readLengths(byte[] lens, int start, int count, int out) throws CorruptChunkException {
        String problem = codeReader.readLengths(br, lens, start, count);
        if (problem != null) {
            throw corrupt(problem, out);
        }
    }

    /**
     * An uncompressed block's header after its size: the rest of the current 16-bit unit (a
     * whole unit when already aligned) is padding, then R0, R1, R2 as 32-bit little-endian values.
     */
    private void startRaw(int out) throws CorruptChunkException {
        br.ensure(1);
        int p = br.pos - (((br.bits - 1) >>> 4) << 1);
        if (p > br.end - 12) {
            throw corrupt("uncompressed block header past the end of the frame's input", out);
        }
        r0 = readLe32(br.in, p);
        r1 = readLe32(br.in, p + 4);
        r2 = readLe32(br.in, p + 8);
        br.restartAt(p + 12);
    }

    private int copyRaw(int out, int runEnd) throws CorruptChunkException {
        int p = br.pos;
        int n = runEnd - out;
        if (n > br.end - p) {
            throw corrupt("uncompressed block data past the end of the frame's input", out);
        }
        System.arraycopy(br.in, p, window, out, n);
        br.restartAt(p + n);
        return runEnd;
    }

    private int decodeRun(int out, int runEnd, boolean aligned) throws CorruptChunkException {
        final WordBitReader br = this.br;
        final byte[] window = this.window;
        final int[] mainTable = this.mainTable;
        final int[] lenTable = this.lenTable;
        final int[] alignedTable = this.alignedTable;
        final int[] extraBits = aligned ? extraBitsAligned : extraBitsVerbatim;
        final int minAlignedSlot = aligned ? MIN_ALIGNED_SLOT : MAX_OFFSET_SLOTS;
        // Stream offset of window position 0 in this pass: a match may reach back to stream offset 0.
        final long base = totalOut - frameStart;
        // Once the window has wrapped, bytes after the current position are live history: copy exactly.
        final int copyLimit = totalOut >= windowSize ? -1 : runEnd;
        int r0 = this.r0, r1 = this.r1, r2 = this.r2;
        try {
            while (out < runEnd) {
                if (br.bits < 32) {
                    br.refill();
                }
                int sym = LzxCodeReader.decode(br, mainTable, MAIN_TABLE_BITS);
                if (sym < NUM_CHARS) {
                    window[out++] = (byte) sym;
                    continue;
                }
                sym -= NUM_CHARS;
                int length = sym & 7;
                int slot = sym >>> 3;
                if (length == NUM_PRIMARY_LENS) {
                    length += LzxCodeReader.decode(br, lenTable, LEN_TABLE_BITS);
                }
                length += MIN_MATCH;
                int offset;
                if (slot < 3) {
                    if (slot == 0) {
                        offset = r0;
                    } else if (slot == 1) {
                        offset = r1;
                        r1 = r0;
                    } else {
                        offset = r2;
                        r2 = r0;
                    }
                } else {
                    if (br.bits < 24) {
                        br.refill();
                    }
                    int n = extraBits[slot];
                    offset = (int) ((br.buf >>> 1) >>> (63 - n));
                    br.buf <<= n;
                    br.bits -= n;
                    if (slot >= minAlignedSlot) {
                        offset = offset << 3 | LzxCodeReader.decode(br, alignedTable, ALIGNED_TABLE_BITS);
                    }
                    offset += SLOT_BASE[slot];
                    r2 = r1;
                    r1 = r0;
                }
                r0 = offset;
                if (offset <= 0 || offset > base + out || offset >= windowSize) {
                    throw corrupt("match offset " + (offset & 0xFFFF_FFFFL) + " reaches before the start of the stream"
                            + " or the window", out);
                }
                if (length > runEnd - out) {
                    throw corrupt("match length " + length + " runs past the end of the block or frame", out);
                }
                int src = out - offset;
                if (src >= 0) {
                    MatchCopy.copy(window, out, offset, length, copyLimit < 0 ? out + length : copyLimit);
                } else {
                    src += windowSize;
                    for (int i = 0; i < length; i++) {
                        window[out + i] = window[src];
                        src = src + 1 == windowSize ? 0 : src + 1;
                    }
                }
                out += length;
            }
        } finally {
            this.r0 = r0;
            this.r1 = r1;
            this.r2 = r2;
        }
        return out;
    }

    private static int readLe32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private CorruptChunkException corrupt(String what, int out) {
        return new CorruptChunkException("LZX: " + what + " (frame " + frames + ", input byte "
                + (br.bytePosition() - inBase) + ", output byte " + (totalOut + out - frameStart) + ")");
    }
}
