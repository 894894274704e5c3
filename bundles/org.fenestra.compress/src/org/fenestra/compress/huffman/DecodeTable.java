package org.fenestra.compress.huffman;

/**
 * Builds table-driven decoders for canonical Huffman codes given their code lengths.
 *
 * <p>Canonical form: codewords are assigned in order of increasing length, and within one
 * length in order of increasing symbol value; the bitstream delivers codewords most
 * significant bit first. A decoder peeks {@code tableBits} bits and indexes the root table.
 *
 * <p>Entry layout (an {@code int}):
 * <ul>
 * <li>{@code entry >= 0}: {@code symbol << 5 | length}, where {@code length} is the
 * number of bits to consume (in a subtable: bits beyond the root's {@code tableBits}).</li>
 * <li>{@code entry < 0}: root entry pointing to a subtable: bit 31 set,
 * {@code (entry >>> 5) & 0xFFFF} is the subtable start index, {@code entry & 31} the
 * number of further bits that index the subtable.</li>
 * </ul>
 * Use {@link #subtableStart(int)}, {@link #symbol(int)} and {@link #length(int)} to unpack.
 *
 * <p>Code validation follows wimlib: an over-subscribed set of lengths is rejected; an
 * incomplete set is rejected unless it is completely empty (all lengths zero), in which
 * case the table decodes symbol 0 while consuming no bits, so that decoding stays
 * defined (well-formed data never uses an empty code).
 */
public final class DecodeTable {

    /** Bit marking a root entry as a subtable pointer. */
    public static final int SUBTABLE_FLAG = 0x8000_0000;

    private DecodeTable() {
    }

    public static int symbol(int entry) {
        return entry >>> 5;
    }

    public static int length(int entry) {
        return entry & 31;
    }

    public static int subtableStart(int entry) {
        return (entry >>> 5) & 0xFFFF;
    }

    /**
     * Scratch space needed by {@link #build} for a code of {@code numSyms} symbols with
     * codeword lengths up to {@code maxLen}.
     */
    public static int workSize(int numSyms, int maxLen) {
        return 2 * (maxLen + 1) + numSyms;
    }

    /**
     * Fills {@code table} with the decode table for the code whose lengths are
     * {@code lens[lensOff .. lensOff + numSyms)}.
     *
     * @param table decode table; must hold the root ({@code 1 << tableBits} entries) plus
     *        all subtables (zlib's "enough" bound for the code's parameters)
     * @param work scratch of at least {@link #workSize(int, int)} ints
     * @return false if the lengths do not form a valid prefix code (or exceed {@code maxLen},
     *         or the table would not fit) — the caller reports corruption
     */
    public static boolean build(int[] table, int numSyms, int tableBits, byte[] lens, int lensOff,
            int maxLen, int[] work) {
        final int countsAt = 0;
        final int offsAt = maxLen + 1;
        final int sortedAt = 2 * (maxLen + 1);
        for (int len = 0; len <= maxLen; len++) {
            work[countsAt + len] = 0;
        }
        for (int sym = 0; sym < numSyms; sym++) {
            int len = lens[lensOff + sym];
            if (len < 0 || len > maxLen) {
                return false;
            }
            work[countsAt + len]++;
        }

        // Kraft sum, measured in units of 2^-maxLen of the code space.
        int left = 1;
        for (int len = 1; len <= maxLen; len++) {
            left = (left << 1) - work[countsAt + len];
            if (left < 0) {
                return false; // over-subscribed
            }
        }
        int rootSize = 1 << tableBits;
        if (left != 0) {
            if (left != 1 << maxLen) {
                return false; // incomplete, and not empty
            }
            java.util.Arrays.fill(table, 0, rootSize, 0);
            return true;
        }

        // Counting sort of the symbols by (length, symbol).
        work[offsAt] = 0;
        for (int len = 0; len < maxLen; len++) {
            work[offsAt + len + 1] = work[offsAt + len] + work[countsAt + len];
        }
        for (int sym = 0; sym < numSyms; sym++) {
            int len = lens[lensOff + sym];
            work[sortedAt + work[offsAt + len]++] = sym;
        }

        // Codewords no longer than tableBits: each fills a run of root entries.
        int idx = work[countsAt]; // skip unused (length 0) symbols
        int fill = 0;
        int len = 1;
        for (; len <= tableBits; len++) {
            int reps = 1 << (tableBits - len);
            for (int n = work[countsAt + len]; n > 0; n--) {
                int entry = work[sortedAt + idx++] << 5 | len;
                java.util.Arrays.fill(table, fill, fill + reps, entry);
                fill += reps;
            }
        }
        if (idx == numSyms) {
            return true;
        }

        // Longer codewords go into subtables hanging off the remaining root entries.
        int codeword = fill << 1; // next codeword, as a (tableBits + 1)-bit value
        int subPos = rootSize;
        int subBits = 0;
        int prefix = -1;
        for (; idx < numSyms; idx++) {
            while (work[countsAt + len] == 0) {
                len++;
                codeword <<= 1;
            }
            int p = codeword >>> (len - tableBits);
            if (p != prefix) {
                prefix = p;
                subBits = len - tableBits;
                int room = 1 << subBits;
                while (true) {
                    room -= work[countsAt + tableBits + subBits];
                    if (room <= 0) {
                        break;
                    }
                    subBits++;
                    room <<= 1;
                }
                if (subPos + (1 << subBits) > table.length) {
                    return false;
                }
                table[prefix] = SUBTABLE_FLAG | subPos << 5 | subBits;
            }
            int entry = work[sortedAt + idx] << 5 | (len - tableBits);
            int reps = 1 << (subBits - (len - tableBits));
            java.util.Arrays.fill(table, subPos, subPos + reps, entry);
            subPos += reps;
            work[countsAt + len]--;
            codeword++;
        }
        return true;
    }
}
