package org.fenestra.compress.lzms;

import static org.fenestra.compress.lzms.LzmsTables.*;

import java.util.Arrays;
import java.util.Objects;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.huffman.CodeLengthBuilder;
import org.fenestra.compress.huffman.DecodeTable;
import org.fenestra.compress.lz.MatchCopy;

/**
 * LZMS chunk decoder.
 *
 * <p>A chunk (even length, at least 4 bytes) holds two streams: a {@link RangeDecoder range
 * coded} stream read forwards from the start, which gives the item kinds, and a
 * {@link BackwardBitReader bitstream} read backwards from the end, which gives the
 * Huffman-coded values and verbatim extra bits. Each item is:
 * <ul>
 * <li>a literal (main bit 0): a literal-code symbol;</li>
 * <li>an LZ match (main 1, match 0): explicit (lz bit 0: offset slot + extra bits) or a
 * repeat of recent offset 0, 1 or 2 (lz bit 1, then rep bits), then a length
 * (length slot + extra bits); bytes are copied from {@code offset} back;</li>
 * <li>a delta match (main 1, match 1): explicit (power code symbol {@code p}, then a raw
 * offset as for LZ) or a repeat of a recent (power, raw offset) pair, then a length; with
 * {@code span = 1 << p} and {@code offset = raw << p}, each output byte is
 * {@code out[i - offset] + out[i - span] - out[i - offset - span]}.</li>
 * </ul>
 * Context states: main 4 bits, match 5 bits, lz/delta/rep decisions 6 bits of the latest
 * bits decoded in that context. Recent-offset queues start as {1, 2, 3, 4} ((0, k) pairs
 * for delta); a used entry is removed at once, while every new front entry becomes visible
 * only after the next item — modelled by reading slot {@code k + 1} instead of {@code k}
 * when the previous item was of the same match kind. Huffman codes adapt (see
 * {@link AdaptiveHuffmanCode}); periods: literal, LZ offset, delta offset 1024, length and
 * delta power 512. The offset alphabets have as many slots as needed for offsets up to
 * {@code chunkLength - 1}. Finally the x86 translation is undone ({@link X86Filter}).
 */
public final class LzmsDecompressor implements ChunkDecompressor {

    /** Largest chunk LZMS supports (as wimlib). */
    public static final int MAX_CHUNK_SIZE = 1 << 30;

    // Probability entry layout in one array: [base, base + number of states).
    private static final int MAIN = 0;            // 16
    private static final int MATCH = 16;          // 32
    private static final int LZ = 48;             // 64
    private static final int DELTA = 112;         // 64
    private static final int LZ_REP0 = 176;       // 64
    private static final int LZ_REP1 = 240;       // 64
    private static final int DELTA_REP0 = 304;    // 64
    private static final int DELTA_REP1 = 368;    // 64
    private static final int NUM_PROBS = 432;
    private static final long INITIAL_HISTORY = 0x5555_5555L;

    private final long[] probs = new long[NUM_PROBS];
    private final RangeDecoder rd = new RangeDecoder();
    private final BackwardBitReader br = new BackwardBitReader();
    private final AdaptiveHuffmanCode literalCode;
    private final AdaptiveHuffmanCode lzOffsetCode;
    private final AdaptiveHuffmanCode lengthCode;
    private final AdaptiveHuffmanCode deltaOffsetCode;
    private final AdaptiveHuffmanCode deltaPowerCode;
    private final X86Filter x86 = new X86Filter();
    private final int maxChunk;

    private final int[] recentLz = new int[4];
    private final int[] recentPower = new int[4];
    private final int[] recentRaw = new int[4];

    private int inBase;
    private int outBase;

    /** @param chunkSize the largest chunk to decode, at most 2^30 */
    public LzmsDecompressor(int chunkSize) {
        if (chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("unsupported LZMS chunk size " + chunkSize);
        }
        this.maxChunk = chunkSize;
        CodeLengthBuilder lb = new CodeLengthBuilder();
        int[] work = new int[DecodeTable.workSize(MAX_OFFSET_SLOTS, AdaptiveHuffmanCode.MAX_LEN)];
        int offsetSyms = Math.max(numOffsetSlots(chunkSize), 2);
        literalCode = new AdaptiveHuffmanCode(256, 10, 1302, 1024, lb, work);
        lzOffsetCode = new AdaptiveHuffmanCode(offsetSyms, 11, 2854, 1024, lb, work);
        lengthCode = new AdaptiveHuffmanCode(NUM_LENGTH_SLOTS, 9, 618, 512, lb, work);
        deltaOffsetCode = new AdaptiveHuffmanCode(offsetSyms, 11, 2854, 1024, lb, work);
        deltaPowerCode = new AdaptiveHuffmanCode(8, 7, 128, 512, lb, work);
    }

    @Override
    public void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen > maxChunk) {
            throw new IllegalArgumentException("chunk of " + dstLen + " bytes exceeds the chunk size " + maxChunk);
        }
        inBase = srcOff;
        outBase = dstOff;
        if ((srcLen & 1) != 0 || srcLen < 4) {
            throw corrupt("compressed size " + srcLen + " is odd or below 4", 0, 0);
        }
        if (dstLen == 0) {
            return;
        }
        rd.reset(src, srcOff, srcLen);
        br.reset(src, srcOff, srcLen);
        Arrays.fill(probs, INITIAL_HISTORY);
        int offsetSlots = numOffsetSlots(dstLen);
        literalCode.reset(256);
        lzOffsetCode.reset(offsetSlots);
        lengthCode.reset(NUM_LENGTH_SLOTS);
        deltaOffsetCode.reset(offsetSlots);
        deltaPowerCode.reset(8);
        for (int i = 0; i < 4; i++) {
            recentLz[i] = i + 1;
            recentPower[i] = 0;
            recentRaw[i] = i + 1;
        }
        decodeItems(dst, dstOff, dstOff + dstLen);
        if (br.overrun()) {
            throw corrupt("bitstream ends prematurely", srcLen, dstLen);
        }
        x86.undo(dst, dstOff, dstLen);
    }

    private void decodeItems(byte[] dst, int out, int end) throws CorruptChunkException {
        final RangeDecoder rd = this.rd;
        final BackwardBitReader br = this.br;
        final long[] probs = this.probs;
        final int[] recentLz = this.recentLz;
        final int outBase = this.outBase;
        int mainState = 0, matchState = 0, lzState = 0, deltaState = 0;
        int lzRep0State = 0, lzRep1State = 0, deltaRep0State = 0, deltaRep1State = 0;
        int prevKind = 0; // 0 literal, 1 LZ match, 2 delta match
        while (out < end) {
            int bit = rd.bit(probs, MAIN + mainState);
            mainState = (mainState << 1 | bit) & 15;
            if (bit == 0) {
                dst[out++] = (byte) decodeSymbol(br, literalCode);
                prevKind = 0;
                continue;
            }
            bit = rd.bit(probs, MATCH + matchState);
            matchState = (matchState << 1 | bit) & 31;
            if (bit == 0) {
                int offset;
                bit = rd.bit(probs, LZ + lzState);
                lzState = (lzState << 1 | bit) & 63;
                if (bit == 0) {
                    int slot = decodeSymbol(br, lzOffsetCode);
                    offset = OFFSET_BASE[slot] + br.read(OFFSET_EXTRA_BITS[slot]);
                    recentLz[3] = recentLz[2];
                    recentLz[2] = recentLz[1];
                    recentLz[1] = recentLz[0];
                } else {
                    int k = prevKind & 1;
                    bit = rd.bit(probs, LZ_REP0 + lzRep0State);
                    lzRep0State = (lzRep0State << 1 | bit) & 63;
                    if (bit == 0) {
                        offset = recentLz[k];
                        recentLz[k] = recentLz[0];
                    } else {
                        bit = rd.bit(probs, LZ_REP1 + lzRep1State);
                        lzRep1State = (lzRep1State << 1 | bit) & 63;
                        if (bit == 0) {
                            offset = recentLz[1 + k];
                            recentLz[1 + k] = recentLz[1];
                            recentLz[1] = recentLz[0];
                        } else {
                            offset = recentLz[2 + k];
                            recentLz[2 + k] = recentLz[2];
                            recentLz[2] = recentLz[1];
                            recentLz[1] = recentLz[0];
                        }
                    }
                }
                recentLz[0] = offset;
                prevKind = 1;
                int length = decodeLength(br);
                if (offset > out - outBase) {
                    throw corrupt("match offset " + offset + " reaches before the chunk start", -1, out - outBase);
                }
                if (length > end - out) {
                    throw corrupt("match length " + length + " runs past the end of the output", -1, out - outBase);
                }
                MatchCopy.copy(dst, out, offset, length, end);
                out += length;
                continue;
            }
            // Delta match
            int power;
            int raw;
            bit = rd.bit(probs, DELTA + deltaState);
            deltaState = (deltaState << 1 | bit) & 63;
            if (bit == 0) {
                power = decodeSymbol(br, deltaPowerCode);
                int slot = decodeSymbol(br, deltaOffsetCode);
                raw = OFFSET_BASE[slot] + br.read(OFFSET_EXTRA_BITS[slot]);
                shiftDelta(3, 2);
                shiftDelta(2, 1);
                shiftDelta(1, 0);
            } else {
                int k = prevKind >>> 1;
                int idx;
                bit = rd.bit(probs, DELTA_REP0 + deltaRep0State);
                deltaRep0State = (deltaRep0State << 1 | bit) & 63;
                if (bit == 0) {
                    idx = k;
                    power = recentPower[idx];
                    raw = recentRaw[idx];
                    shiftDelta(idx, 0);
                } else {
                    bit = rd.bit(probs, DELTA_REP1 + deltaRep1State);
                    deltaRep1State = (deltaRep1State << 1 | bit) & 63;
                    if (bit == 0) {
                        idx = 1 + k;
                        power = recentPower[idx];
                        raw = recentRaw[idx];
                        shiftDelta(idx, 1);
                        shiftDelta(1, 0);
                    } else {
                        idx = 2 + k;
                        power = recentPower[idx];
                        raw = recentRaw[idx];
                        shiftDelta(idx, 2);
                        shiftDelta(2, 1);
                        shiftDelta(1, 0);
                    }
                }
            }
            recentPower[0] = power;
            recentRaw[0] = raw;
            prevKind = 2;
            int length = decodeLength(br);
            long span = 1L << power;
            long offset = (long) raw << power;
            if (offset + span > out - outBase) {
                throw corrupt("delta match reaches before the chunk start", -1, out - outBase);
            }
            if (length > end - out) {
                throw corrupt("match length " + length + " runs past the end of the output", -1, out - outBase);
            }
            int o = (int) offset;
            int s = (int) span;
            for (int stop = out + length; out < stop; out++) {
                dst[out] = (byte) (dst[out - o] + dst[out - s] - dst[out - o - s]);
            }
        }
    }

    private void shiftDelta(int to, int from) {
        recentPower[to] = recentPower[from];
        recentRaw[to] = recentRaw[from];
    }

    private int decodeLength(BackwardBitReader br) {
        int slot = decodeSymbol(br, lengthCode);
        int n = LENGTH_EXTRA_BITS[slot];
        int length = LENGTH_BASE[slot];
        if (n != 0) {
            length += br.read(n);
        }
        return length;
    }

    private static int decodeSymbol(BackwardBitReader br, AdaptiveHuffmanCode code) {
        if (br.bits < AdaptiveHuffmanCode.MAX_LEN) {
            br.refill();
        }
        final int[] table = code.table;
        final int tableBits = code.tableBits;
        int entry = table[(int) (br.buf >>> (64 - tableBits))];
        if (entry < 0) {
            br.buf <<= tableBits;
            br.bits -= tableBits;
            entry = table[DecodeTable.subtableStart(entry) + (int) ((br.buf >>> 1) >>> (63 - (entry & 31)))];
        }
        int n = entry & 31;
        br.buf <<= n;
        br.bits -= n;
        int sym = entry >>> 5;
        code.count(sym);
        return sym;
    }

    private CorruptChunkException corrupt(String what, int inPos, int outPos) {
        String in = inPos >= 0 ? String.valueOf(inPos)
                : (br.pos - inBase) + " (backward stream)";
        return new CorruptChunkException("LZMS: " + what + " (input byte " + in + ", output byte " + outPos + ")");
    }
}
