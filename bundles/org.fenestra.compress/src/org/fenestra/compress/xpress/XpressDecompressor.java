package org.fenestra.compress.xpress;

import java.util.Objects;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.huffman.DecodeTable;
import org.fenestra.compress.huffman.WordBitReader;
import org.fenestra.compress.lz.MatchCopy;

/**
 * XPRESS (MS-XCA "LZ77+Huffman") chunk decoder, WIM variant.
 *
 * <p>Layout of a chunk: 256 bytes holding 512 four-bit codeword lengths (symbol {@code 2i}
 * in the low nibble of byte {@code i}, symbol {@code 2i+1} in the high nibble; maximum
 * length 15), then a {@link WordBitReader 16-bit-unit bitstream} of Huffman symbols:
 * <ul>
 * <li>0..255: literal byte;</li>
 * <li>256..511: match; {@code sym - 256 = log2(offset) << 4 | lenNibble}. The offset is
 * {@code 1 << log2 | next log2 bits}. If {@code lenNibble == 15}, one extra byte follows,
 * taken from the raw input at the unit position (not from the bit buffer); if that byte
 * is 255 a 16-bit little-endian length follows and replaces the length. The match length
 * is the result plus 3.</li>
 * </ul>
 * The raw length bytes sit right after the last 16-bit unit that the decoder must have
 * loaded to hold at least 16 bits after the match symbol (MS-XCA keeps 16..31 bits).
 * Decoding stops when the output is full; a trailing end-of-data symbol is not required.
 */
public final class XpressDecompressor implements ChunkDecompressor {

    /** Largest chunk XPRESS can address (offsets are at most 65535). */
    public static final int MAX_CHUNK_SIZE = 65536;

    private static final int NUM_SYMS = 512;
    private static final int MAX_LEN = 15;
    private static final int TABLE_BITS = 11;
    private static final int TABLE_SIZE = 2566; // zlib "enough" for (512, 11, 15)

    private final int[] table = new int[TABLE_SIZE];
    private final byte[] lens = new byte[NUM_SYMS];
    private final int[] work = new int[DecodeTable.workSize(NUM_SYMS, MAX_LEN)];
    private final WordBitReader br = new WordBitReader();
    private int inBase;

    @Override
    public void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen == 0) {
            return;
        }
        if (srcLen < NUM_SYMS / 2) {
            throw corrupt("chunk shorter than its 256-byte code length table", srcLen, 0);
        }
        for (int i = 0; i < NUM_SYMS / 2; i++) {
            int v = src[srcOff + i];
            lens[2 * i] = (byte) (v & 0xF);
            lens[2 * i + 1] = (byte) ((v >>> 4) & 0xF);
        }
        if (!DecodeTable.build(table, NUM_SYMS, TABLE_BITS, lens, 0, MAX_LEN, work)) {
            throw corrupt("invalid Huffman code lengths", 0, 0);
        }
        inBase = srcOff;
        WordBitReader br = this.br;
        br.reset(src, srcOff + NUM_SYMS / 2, srcLen - NUM_SYMS / 2);
        final int[] table = this.table;
        final int end = dstOff + dstLen;
        int out = dstOff;
        while (out < end) {
            if (br.bits < 32) {
                br.refill();
            }
            int entry = table[(int) (br.buf >>> (64 - TABLE_BITS))];
            if (entry < 0) {
                br.buf <<= TABLE_BITS;
                br.bits -= TABLE_BITS;
                entry = table[DecodeTable.subtableStart(entry)
                        + (int) ((br.buf >>> 1) >>> (63 - (entry & 31)))];
            }
            int n = entry & 31;
            br.buf <<= n;
            br.bits -= n;
            int sym = entry >>> 5;
            if (sym < 256) {
                dst[out++] = (byte) sym;
                continue;
            }
            int log2 = (sym >>> 4) & 0xF;
            int length = sym & 0xF;
            // At least 17 bits remain buffered here (>= 32 before a <= 15-bit codeword).
            int offset = (1 << log2) | (int) ((br.buf >>> 1) >>> (63 - log2));
            br.buf <<= log2;
            br.bits -= log2;
            if (length == 15) {
                length = readLongLength(br, log2, out - dstOff);
            }
            length += 3;
            if (offset > out - dstOff) {
                throw corrupt("match offset " + offset + " reaches before the chunk start",
                        br.bytePosition() - srcOff, out - dstOff);
            }
            if (length > end - out) {
                throw corrupt("match length " + length + " runs past the end of the output",
                        br.bytePosition() - srcOff, out - dstOff);
            }
            MatchCopy.copy(dst, out, offset, length, end);
            out += length;
        }
        if (br.overrun()) {
            throw corrupt("compressed data ends prematurely", srcLen, dstLen);
        }
    }

    /**
     * Reads the length extension bytes. The MS-XCA decoder holds 16..31 bits right after the
     * match symbol; our buffer may hold more whole units, which are given back first.
     */
    private int readLongLength(WordBitReader br, int log2, int outPos) throws CorruptChunkException {
        int extraUnits = (br.bits + log2 - 16) >>> 4;
        br.unload(extraUnits);
        int p = br.pos;
        int end = br.end;
        if (p >= end) {
            throw corrupt("match length byte past the end of the input", p - inBase, outPos);
        }
        int length = 15 + (br.in[p++] & 0xFF);
        if (length == 15 + 255) {
            if (p > end - 2) {
                throw corrupt("match length word past the end of the input", p - inBase, outPos);
            }
            length = (br.in[p] & 0xFF) | (br.in[p + 1] & 0xFF) << 8;
            p += 2;
        }
        // The already-buffered bits stay; loading continues after the raw bytes.
        br.pos = p;
        return length;
    }

    private static CorruptChunkException corrupt(String what, int inPos, int outPos) {
        return new CorruptChunkException(
                "XPRESS: " + what + " (input byte " + inPos + ", output byte " + outPos + ")");
    }
}
