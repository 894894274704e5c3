package org.fenestra.compress.lzx;

import static org.fenestra.compress.lzx.LzxConstants.*;

import java.util.Arrays;
import java.util.Objects;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.huffman.DecodeTable;
import org.fenestra.compress.huffman.WordBitReader;
import org.fenestra.compress.lz.MatchCopy;

/**
 * LZX chunk decoder, WIM variant: each chunk is decoded independently (window = chunk),
 * recent offsets start as {1, 1, 1} and all code lengths as 0, and the E8 translation is
 * undone at the end with the fixed file size 12000000.
 *
 * <p>A chunk is a series of blocks in a {@link WordBitReader 16-bit-unit bitstream}. Block
 * header: 3-bit type (1 verbatim, 2 aligned offset, 3 uncompressed); 1 bit which, if set,
 * means the block is 32768 bytes, otherwise the size follows in 16 bits (plus 8 more low
 * bits when the window is at least 64 KiB). Aligned blocks then give 8 aligned-offset code
 * lengths of 3 bits each. Verbatim and aligned blocks then give the main code lengths in two
 * runs (the 256 literals, then the match headers) and the 249 length code lengths, each run
 * as a 20-symbol pretree (4-bit lengths) followed by pretree symbols: 0..16 give the new
 * length as {@code (old - sym) mod 17}, 17 a run of {@code 4 + 4 bits} zeros, 18 a run of
 * {@code 20 + 5 bits} zeros, 19 a run of {@code 4 + 1 bit} copies of the length coded by the
 * next pretree symbol. The "old" lengths are those of the previous block of the chunk.
 *
 * <p>An uncompressed block's header continues at the next 16-bit boundary (skipping a whole
 * unit when already aligned) with R0, R1, R2 as 32-bit little-endian values, then the raw
 * bytes, then one padding byte if the size is odd; the bitstream restarts after that.
 */
public final class LzxDecompressor implements ChunkDecompressor {

    private static final int MAIN_TABLE_BITS = 11;
    private static final int LEN_TABLE_BITS = 10;
    private static final int ALIGNED_TABLE_BITS = 7;
    private static final int MAX_CODEWORD_LEN = 16;
    private static final int MAX_ALIGNED_LEN = 7;

    private final int windowOrder;
    private final int numMainSyms;

    private final byte[] mainLens = new byte[MAX_MAIN_SYMS];
    private final byte[] lenLens = new byte[LEN_SYMS];
    private final byte[] alignedLens = new byte[ALIGNED_SYMS];
    private final int[] mainTable = new int[2726]; // zlib "enough" for (656, 11, 16)
    private final int[] lenTable = new int[1326]; // (249, 10, 16)
    private final int[] alignedTable = new int[128]; // (8, 7, 7)
    private final int[] work = new int[DecodeTable.workSize(MAX_MAIN_SYMS, MAX_CODEWORD_LEN)];
    private final int[] extraBitsVerbatim = EXTRA_BITS.clone();
    private final int[] extraBitsAligned = new int[MAX_OFFSET_SLOTS];
    private final WordBitReader br = new WordBitReader();
    private final LzxCodeReader codeReader = new LzxCodeReader(work);

    private int inBase;
    private int outBase;
    private int r0, r1, r2;

    /**
     * @param chunkSize the resource's chunk size: a power of two from 2^15 to 2^21
     */
    public LzxDecompressor(int chunkSize) {
        if (chunkSize < (1 << 15) || chunkSize > (1 << 21) || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("unsupported LZX chunk size " + chunkSize);
        }
        this.windowOrder = Integer.numberOfTrailingZeros(chunkSize);
        this.numMainSyms = numMainSymbols(windowOrder);
        for (int s = 0; s < MAX_OFFSET_SLOTS; s++) {
            extraBitsAligned[s] = s >= MIN_ALIGNED_SLOT ? EXTRA_BITS[s] - 3 : EXTRA_BITS[s];
        }
    }

    @Override
    public void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen > 1 << windowOrder) {
            throw new IllegalArgumentException("chunk of " + dstLen + " bytes exceeds the LZX window");
        }
        inBase = srcOff;
        outBase = dstOff;
        br.reset(src, srcOff, srcLen);
        Arrays.fill(mainLens, (byte) 0);
        Arrays.fill(lenLens, (byte) 0);
        r0 = 1;
        r1 = 1;
        r2 = 1;
        boolean mayHaveE8 = false;
        final int end = dstOff + dstLen;
        int out = dstOff;
        while (out < end) {
            br.ensure(4);
            int type = br.read(3);
            int size;
            if (br.read(1) == 1) {
                size = DEFAULT_BLOCK_SIZE;
            } else {
                size = br.read(16);
                if (windowOrder >= 16) {
                    size = size << 8 | br.read(8);
                }
            }
            if (type == 3) {
                if (size < 1 || size > end - out) {
                    throw corrupt("uncompressed block size " + size + " is invalid", out);
                }
                out = copyUncompressedBlock(dst, out, size);
                mayHaveE8 = true;
                continue;
            }
            if (type != 1 && type != 2) {
                throw corrupt("invalid block type " + type, out);
            }
            if (type == 2) {
                for (int i = 0; i < ALIGNED_SYMS; i++) {
                    alignedLens[i] = (byte) br.read(3);
                }
            }
            readLengths(mainLens, 0, NUM_CHARS, out);
            readLengths(mainLens, NUM_CHARS, numMainSyms - NUM_CHARS, out);
            readLengths(lenLens, 0, LEN_SYMS, out);
            if (size < 1 || size > end - out) {
                throw corrupt("block size " + size + " is invalid", out);
            }
            if (!DecodeTable.build(mainTable, numMainSyms, MAIN_TABLE_BITS, mainLens, 0, MAX_CODEWORD_LEN, work)) {
                throw corrupt("invalid main code", out);
            }
            if (!DecodeTable.build(lenTable, LEN_SYMS, LEN_TABLE_BITS, lenLens, 0, MAX_CODEWORD_LEN, work)) {
                throw corrupt("invalid length code", out);
            }
            if (type == 2 && !DecodeTable.build(alignedTable, ALIGNED_SYMS, ALIGNED_TABLE_BITS, alignedLens, 0,
                    MAX_ALIGNED_LEN, work)) {
                throw corrupt("invalid aligned offset code", out);
            }
            out = decodeBlock(dst, out, out + size, end, type == 2);
            mayHaveE8 |= mainLens[0xE8] != 0;
        }
        if (br.overrun()) {
            throw corrupt("compressed data ends prematurely", out);
        }
        if (mayHaveE8) {
            E8Filter.undo(dst, dstOff, dstLen);
        }
    }

    private int decodeBlock(byte[] dst, int out, int blockEnd, int limit, boolean aligned)
            throws CorruptChunkException {
        final WordBitReader br = this.br;
        final int[] mainTable = this.mainTable;
        final int[] lenTable = this.lenTable;
        final int[] alignedTable = this.alignedTable;
        final int[] extraBits = aligned ? extraBitsAligned : extraBitsVerbatim;
        final int minAlignedSlot = aligned ? MIN_ALIGNED_SLOT : MAX_OFFSET_SLOTS;
        final int outBase = this.outBase;
        int r0 = this.r0, r1 = this.r1, r2 = this.r2;
        while (out < blockEnd) {
            if (br.bits < 32) {
                br.refill();
            }
            int sym = decode(br, mainTable, MAIN_TABLE_BITS);
            if (sym < NUM_CHARS) {
                dst[out++] = (byte) sym;
                continue;
            }
            sym -= NUM_CHARS;
            int length = sym & 7;
            int slot = sym >>> 3;
            if (length == NUM_PRIMARY_LENS) {
                length += decode(br, lenTable, LEN_TABLE_BITS);
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
                    offset = offset << 3 | decode(br, alignedTable, ALIGNED_TABLE_BITS);
                }
                offset += SLOT_BASE[slot];
                r2 = r1;
                r1 = r0;
            }
            r0 = offset;
            if (offset <= 0 || offset > out - outBase) {
                saveRecent(r0, r1, r2);
                throw corrupt("match offset " + (offset & 0xFFFF_FFFFL) + " reaches before the chunk start", out);
            }
            if (length > blockEnd - out) {
                saveRecent(r0, r1, r2);
                throw corrupt("match length " + length + " runs past the end of the block", out);
            }
            MatchCopy.copy(dst, out, offset, length, limit);
            out += length;
        }
        saveRecent(r0, r1, r2);
        return out;
    }

    private void saveRecent(int a, int b, int c) {
        r0 = a;
        r1 = b;
        r2 = c;
    }

    private static int decode(WordBitReader br, int[] table, int tableBits) {
        return LzxCodeReader.decode(br, table, tableBits);
    }

    private void readLengths(byte[] lens, int start, int count, int out) throws CorruptChunkException {
        String problem = codeReader.readLengths(br, lens, start, count);
        if (problem != null) {
            throw corrupt(problem, out);
        }
    }

    private int copyUncompressedBlock(byte[] dst, int out, int size) throws CorruptChunkException {
        final WordBitReader br = this.br;
        br.ensure(1);
        // Drop the bits of the current unit; if aligned (a whole unit is buffered
        // unread), that unit is dropped too. Give back the units loaded beyond it.
        int p = br.pos - (((br.bits - 1) >>> 4) << 1);
        byte[] in = br.in;
        int inEnd = br.end;
        if (p > inEnd - 12) {
            throw corrupt("uncompressed block header past the end of the input", out);
        }
        int a = readLe32(in, p);
        int b = readLe32(in, p + 4);
        int c = readLe32(in, p + 8);
        if (a == 0 || b == 0 || c == 0) {
            throw corrupt("uncompressed block with a zero recent offset", out);
        }
        r0 = a;
        r1 = b;
        r2 = c;
        p += 12;
        if (size > inEnd - p) {
            throw corrupt("uncompressed block data past the end of the input", out);
        }
        System.arraycopy(in, p, dst, out, size);
        p += size;
        if ((size & 1) != 0 && p < inEnd) {
            p++;
        }
        br.restartAt(p);
        return out + size;
    }

    private static int readLe32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private CorruptChunkException corrupt(String what, int out) {
        return new CorruptChunkException("LZX: " + what + " (input byte " + (br.bytePosition() - inBase)
                + ", output byte " + (out - outBase) + ")");
    }
}
