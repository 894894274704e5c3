package org.fenestra.compress.lzms;

import static org.fenestra.compress.lzms.LzmsTables.*;

import java.util.Arrays;

import org.fenestra.compress.huffman.CodeLengthBuilder;

/**
 * Writes LZMS items (literals, LZ matches, delta matches) into one chunk's two streams and
 * keeps exactly the adaptive state the decoder rebuilds from them (see
 * {@link LzmsDecompressor}): the probability entries and context states of the range-coded
 * decisions, the five adaptive Huffman codes, and the recent-offset queues, including the
 * decoder's "one item late" visibility of a new front entry. The parser asks it for costs
 * (in 1/64 bit) under the current state.
 */
final class LzmsItemEncoder {

    /** Cost units per bit. */
    static final int BIT_COST = 64;

    // Probability entry layout, the decoder's: [base, base + number of states).
    static final int MAIN = 0;
    static final int MATCH = 16;
    static final int LZ = 48;
    static final int DELTA = 112;
    static final int LZ_REP0 = 176;
    static final int LZ_REP1 = 240;
    static final int DELTA_REP0 = 304;
    static final int DELTA_REP1 = 368;
    private static final int NUM_PROBS = 432;
    private static final long INITIAL_HISTORY = 0x5555_5555L;

    /** Cost of coding a bit whose chance is {@code zeros}/64, by {@code zeros} (clamped like the coder). */
    private static final int[] PROB_COST = new int[65];

    static {
        for (int z = 0; z <= 64; z++) {
            int p = Math.max(1, Math.min(63, z));
            PROB_COST[z] = (int) Math.round(-Math.log(p / 64.0) / Math.log(2) * BIT_COST);
        }
    }

    final long[] probs = new long[NUM_PROBS];
    int mainState;
    int matchState;
    int lzState;
    int deltaState;
    int lzRep0State;
    int lzRep1State;
    int deltaRep0State;
    int deltaRep1State;
    /** The decoder's queues: front is the latest offset; 0 literal, 1 LZ, 2 delta last. */
    final int[] recentLz = new int[4];
    final int[] recentPower = new int[4];
    final int[] recentRaw = new int[4];
    int prevKind;

    final RangeEncoder rc = new RangeEncoder();
    final BackwardBitWriter bits = new BackwardBitWriter();
    final AdaptiveHuffmanEncoder literalCode;
    final AdaptiveHuffmanEncoder lzOffsetCode;
    final AdaptiveHuffmanEncoder lengthCode;
    final AdaptiveHuffmanEncoder deltaOffsetCode;
    final AdaptiveHuffmanEncoder deltaPowerCode;

    private int outBegin;
    private int outEnd;

    LzmsItemEncoder(int chunkSize) {
        CodeLengthBuilder lb = new CodeLengthBuilder();
        int offsetSyms = Math.max(numOffsetSlots(chunkSize), 2);
        literalCode = new AdaptiveHuffmanEncoder(256, 1024, lb);
        lzOffsetCode = new AdaptiveHuffmanEncoder(offsetSyms, 1024, lb);
        lengthCode = new AdaptiveHuffmanEncoder(NUM_LENGTH_SLOTS, 512, lb);
        deltaOffsetCode = new AdaptiveHuffmanEncoder(offsetSyms, 1024, lb);
        deltaPowerCode = new AdaptiveHuffmanEncoder(8, 512, lb);
    }

    /** Starts a chunk of {@code chunkLen >= 3} bytes whose output goes to {@code out[off .. off + capacity)}. */
    void reset(byte[] out, int off, int capacity, int chunkLen) {
        outBegin = off;
        outEnd = off + (capacity & ~1);
        rc.reset(out, off, capacity);
        bits.reset(out, off, capacity);
        Arrays.fill(probs, INITIAL_HISTORY);
        mainState = matchState = lzState = deltaState = 0;
        lzRep0State = lzRep1State = deltaRep0State = deltaRep1State = 0;
        int slots = numOffsetSlots(chunkLen);
        literalCode.reset(256);
        lzOffsetCode.reset(slots);
        lengthCode.reset(NUM_LENGTH_SLOTS);
        deltaOffsetCode.reset(slots);
        deltaPowerCode.reset(8);
        for (int i = 0; i < 4; i++) {
            recentLz[i] = i + 1;
            recentPower[i] = 0;
            recentRaw[i] = i + 1;
        }
        prevKind = 0;
    }

    // ---------------------------------------------------------------- items

    void literal(int b) {
        mainState = bit(MAIN, mainState, 15, 0);
        literalCode.encode(b & 0xFF, bits);
        prevKind = 0;
    }

    /**
     * Index (0..2) under which {@code offset} can be sent as an LZ repeat match now, or -1.
     */
    int lzRepIndex(int offset) {
        return lzRepIndex(recentLz, 0, prevKind, offset);
    }

    /** The offset LZ repeat match {@code r} (0..2) would use now. */
    int lzRepOffset(int r) {
        return recentLz[r + (prevKind & 1)];
    }

    /** An LZ match of {@code length >= 2}; sent as a repeat match when the offset is in the queue. */
    void lzMatch(int offset, int length) {
        mainState = bit(MAIN, mainState, 15, 1);
        matchState = bit(MATCH, matchState, 31, 0);
        int r = lzRepIndex(offset);
        if (r < 0) {
            lzState = bit(LZ, lzState, 63, 0);
            int slot = LzmsSlots.offsetSlot(offset);
            lzOffsetCode.encode(slot, bits);
            bits.write(offset - OFFSET_BASE[slot], OFFSET_EXTRA_BITS[slot]);
        } else {
            lzState = bit(LZ, lzState, 63, 1);
            if (r == 0) {
                lzRep0State = bit(LZ_REP0, lzRep0State, 63, 0);
            } else {
                lzRep0State = bit(LZ_REP0, lzRep0State, 63, 1);
                lzRep1State = bit(LZ_REP1, lzRep1State, 63, r - 1);
            }
        }
        pushLz(recentLz, 0, prevKind & 1, r, offset);
        prevKind = 1;
        length(length);
    }

    /**
     * Index (0..2) under which {@code offset} is a repeat in the queue {@code q[at .. at + 4)}
     * after an item of kind {@code prevKind}, or -1.
     */
    static int lzRepIndex(int[] q, int at, int prevKind, int offset) {
        int k = at + (prevKind & 1);
        for (int r = 0; r < 3; r++) {
            if (q[k + r] == offset) {
                return r;
            }
        }
        return -1;
    }

    /**
     * The decoder's LZ queue update for a match with {@code offset}, sent as repeat {@code r}
     * (or explicitly if -1); {@code k} is 1 if the previous item was an LZ match.
     */
    static void pushLz(int[] q, int at, int k, int r, int offset) {
        if (r < 0) {
            q[at + 3] = q[at + 2];
            q[at + 2] = q[at + 1];
            q[at + 1] = q[at];
        } else if (r == 0) {
            q[at + k] = q[at];
        } else if (r == 1) {
            q[at + 1 + k] = q[at + 1];
            q[at + 1] = q[at];
        } else {
            q[at + 2 + k] = q[at + 2];
            q[at + 2] = q[at + 1];
            q[at + 1] = q[at];
        }
        q[at] = offset;
    }

    /** Index (0..2) under which the delta pair can be sent as a repeat now, or -1. */
    int deltaRepIndex(int power, int raw) {
        int k = prevKind >>> 1;
        for (int r = 0; r < 3; r++) {
            if (recentPower[r + k] == power && recentRaw[r + k] == raw) {
                return r;
            }
        }
        return -1;
    }

    /** A delta match: span {@code 1 << power}, offset {@code raw << power}, {@code length >= 2}. */
    void deltaMatch(int power, int raw, int length) {
        mainState = bit(MAIN, mainState, 15, 1);
        matchState = bit(MATCH, matchState, 31, 1);
        int r = deltaRepIndex(power, raw);
        if (r < 0) {
            deltaState = bit(DELTA, deltaState, 63, 0);
            deltaPowerCode.encode(power, bits);
            int slot = LzmsSlots.offsetSlot(raw);
            deltaOffsetCode.encode(slot, bits);
            bits.write(raw - OFFSET_BASE[slot], OFFSET_EXTRA_BITS[slot]);
            shiftDelta(3, 2);
            shiftDelta(2, 1);
            shiftDelta(1, 0);
        } else {
            deltaState = bit(DELTA, deltaState, 63, 1);
            int idx = r + (prevKind >>> 1);
            if (r == 0) {
                deltaRep0State = bit(DELTA_REP0, deltaRep0State, 63, 0);
                shiftDelta(idx, 0);
            } else {
                deltaRep0State = bit(DELTA_REP0, deltaRep0State, 63, 1);
                if (r == 1) {
                    deltaRep1State = bit(DELTA_REP1, deltaRep1State, 63, 0);
                    shiftDelta(idx, 1);
                } else {
                    deltaRep1State = bit(DELTA_REP1, deltaRep1State, 63, 1);
                    shiftDelta(idx, 2);
                    shiftDelta(2, 1);
                }
                shiftDelta(1, 0);
            }
        }
        recentPower[0] = power;
        recentRaw[0] = raw;
        prevKind = 2;
        length(length);
    }

    private void shiftDelta(int to, int from) {
        recentPower[to] = recentPower[from];
        recentRaw[to] = recentRaw[from];
    }

    private void length(int length) {
        int slot = LzmsSlots.lengthSlot(length);
        lengthCode.encode(slot, bits);
        int n = LENGTH_EXTRA_BITS[slot];
        if (n != 0) {
            bits.write(length - LENGTH_BASE[slot], n);
        }
    }

    /** Encodes one decision bit in context {@code base + state}; returns the next state. */
    private int bit(int base, int state, int mask, int bit) {
        long h = probs[base + state];
        int p = 64 - Long.bitCount(h);
        if (p == 0) {
            p = 1;
        } else if (p == 64) {
            p = 63;
        }
        probs[base + state] = h << 1 | bit;
        rc.encode(bit, p);
        return (state << 1 | bit) & mask;
    }

    // ---------------------------------------------------------------- output

    /** Whether the streams already ran into each other or past the room given. */
    boolean full() {
        return rc.overflowed() || bits.overflowed() || rc.position() > bits.position();
    }

    /**
     * Flushes both streams and closes the gap between them; returns the compressed size,
     * or 0 if it did not fit.
     */
    int finish(byte[] out) {
        int backStart = bits.finish();
        int forwardEnd = outBegin + rc.finish();
        if (bits.overflowed() || rc.overflowed() || forwardEnd > backStart) {
            return 0;
        }
        int backEnd = outEnd;
        System.arraycopy(out, backStart, out, forwardEnd, backEnd - backStart);
        return forwardEnd - outBegin + backEnd - backStart;
    }

    // ---------------------------------------------------------------- costs

    /** Cost of decision bit {@code bit} in context {@code base + state} now. */
    int bitCost(int base, int state, int bit) {
        int zeros = 64 - Long.bitCount(probs[base + state]);
        return PROB_COST[bit == 0 ? zeros : 64 - zeros];
    }
}
