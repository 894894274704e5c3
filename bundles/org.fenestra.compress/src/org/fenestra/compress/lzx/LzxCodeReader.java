package org.fenestra.compress.lzx;

import static org.fenestra.compress.lzx.LzxConstants.PRECODE_SYMS;

import java.util.Arrays;

import org.fenestra.compress.huffman.DecodeTable;
import org.fenestra.compress.huffman.WordBitReader;

/**
 * What both LZX decoders (WIM chunks, CAB frames) read the same way: Huffman symbols, and code
 * lengths sent as pretree-coded deltas from the previous lengths.
 */
final class LzxCodeReader {

    private static final int PRE_TABLE_BITS = 6;
    private static final int MAX_PRE_LEN = 15;

    private final byte[] preLens = new byte[PRECODE_SYMS];
    private final int[] preTable = new int[582]; // (20, 6, 15)
    private final int[] work;

    /** {@code work}: the decoder's scratch for building decode tables. */
    LzxCodeReader(int[] work) {
        this.work = work;
    }

    /** Decodes one symbol; the caller has buffered enough bits for the longest codeword. */
    static int decode(WordBitReader br, int[] table, int tableBits) {
        int entry = table[(int) (br.buf >>> (64 - tableBits))];
        if (entry < 0) {
            br.buf <<= tableBits;
            br.bits -= tableBits;
            entry = table[DecodeTable.subtableStart(entry) + (int) ((br.buf >>> 1) >>> (63 - (entry & 31)))];
        }
        int n = entry & 31;
        br.buf <<= n;
        br.bits -= n;
        return entry >>> 5;
    }

    /**
     * Reads a pretree and then {@code count} delta-coded lengths into {@code lens[start..]}:
     * pretree symbols 0..16 give the new length as {@code (old - sym) mod 17}, 17 a run of
     * {@code 4 + 4 bits} zeros, 18 a run of {@code 20 + 5 bits} zeros, 19 a run of
     * {@code 4 + 1 bit} copies of the length coded by the next pretree symbol.
     *
     * @return null, or what is wrong
     */
    String readLengths(WordBitReader br, byte[] lens, int start, int count) {
        for (int i = 0; i < PRECODE_SYMS; i++) {
            preLens[i] = (byte) br.read(4);
        }
        if (!DecodeTable.build(preTable, PRECODE_SYMS, PRE_TABLE_BITS, preLens, 0, MAX_PRE_LEN, work)) {
            return "invalid pretree";
        }
        int i = start;
        final int end = start + count;
        while (i < end) {
            br.ensure(40); // presym + 5 run bits, or presym + 1 bit + presym
            int presym = decode(br, preTable, PRE_TABLE_BITS);
            if (presym < 17) {
                int len = lens[i] - presym;
                lens[i++] = (byte) (len < 0 ? len + 17 : len);
                continue;
            }
            int run;
            int len;
            if (presym == 17) {
                run = 4 + br.read(4);
                len = 0;
            } else if (presym == 18) {
                run = 20 + br.read(5);
                len = 0;
            } else {
                run = 4 + br.read(1);
                int sym = decode(br, preTable, PRE_TABLE_BITS);
                if (sym > 17) {
                    return "invalid pretree symbol " + sym + " in a run";
                }
                len = lens[i] - sym;
                if (len < 0) {
                    len += 17;
                }
            }
            // A run may not overshoot the lengths being read; excess is dropped.
            int stop = Math.min(end, i + run);
            Arrays.fill(lens, i, stop, (byte) len);
            i = stop;
        }
        return null;
    }
}
