package org.fenestra.compress.huffman;

import java.util.Arrays;

/**
 * Computes Huffman codeword lengths from symbol frequencies exactly as wimlib's
 * {@code make_canonical_huffman_code} does, which adaptive formats (LZMS) depend on: the
 * decoder must arrive at the very same lengths as the encoder.
 *
 * <p>Rules: symbols are ordered by (frequency, symbol value); the tree is built with the
 * two-queue method (leaves in that order, internal nodes in creation order), taking two
 * leaves when the second leaf is not more frequent than the first internal node, two
 * internal nodes when the second internal node is strictly less frequent than the next
 * leaf, otherwise one of each. Codeword lengths longer than {@code maxLen} are limited by
 * moving each deeper leaf under the deepest shorter level that still has a leaf. The least
 * frequent symbols get the longest codewords. Zero-frequency symbols get length 0; if only
 * one symbol is used, it and one other symbol (symbol 0, or 1 if it is symbol 0) get length 1.
 */
public final class CodeLengthBuilder {

    private static final int SYM_BITS = 10;
    private static final int SYM_MASK = (1 << SYM_BITS) - 1;
    /** Largest alphabet supported (symbols must fit in {@value #SYM_BITS} bits). */
    public static final int MAX_SYMS = 1 << SYM_BITS;

    private final int[] nodes = new int[MAX_SYMS];
    private final int[] counts = new int[MAX_SYMS + 1];
    private final int[] lenCounts = new int[33];

    /**
     * Writes the codeword lengths for {@code freqs[0..numSyms)} into {@code lens}. Frequencies
     * must be below 2^22. {@code lens} must have room for at least 2 entries.
     */
    public void build(int[] freqs, int numSyms, int maxLen, byte[] lens) {
        int[] a = nodes;
        // Counting sort by frequency (stable, so equal frequencies keep symbol order); the
        // top bucket collects all frequencies >= numSyms - 1 and is sorted by full key.
        int buckets = Math.max(numSyms, 2);
        Arrays.fill(counts, 0, buckets, 0);
        for (int s = 0; s < numSyms; s++) {
            counts[Math.min(freqs[s], buckets - 1)]++;
        }
        int used = 0;
        for (int i = 1; i < buckets; i++) {
            int c = counts[i];
            counts[i] = used;
            used += c;
        }
        for (int s = 0; s < numSyms; s++) {
            int f = freqs[s];
            if (f != 0) {
                a[counts[Math.min(f, buckets - 1)]++] = f << SYM_BITS | s;
            } else {
                lens[s] = 0;
            }
        }
        int topStart = counts[buckets - 2];
        Arrays.sort(a, topStart, counts[buckets - 1]);

        if (used == 0) {
            return;
        }
        if (used == 1) {
            int s = a[0] & SYM_MASK;
            lens[0] = 1;
            lens[s != 0 ? s : 1] = 1;
            return;
        }
        buildTree(a, used);
        computeLengthCounts(a, used - 2, maxLen);
        int i = 0;
        for (int len = maxLen; len >= 1; len--) {
            for (int n = lenCounts[len]; n > 0; n--) {
                lens[a[i++] & SYM_MASK] = (byte) len;
            }
        }
    }

    /**
     * Turns the sorted leaves {@code a[0..n)} into {@code n - 1} internal nodes stored in
     * {@code a[0..n-1)}, keeping each slot's low symbol bits. While a node is pending its high
     * bits hold its frequency; once it becomes a child they hold its parent's index.
     */
    private static void buildTree(int[] a, int n) {
        final int last = n - 1;
        int i = 0; // next leaf
        int b = 0; // next pending internal node
        int e = 0; // next internal node to create
        do {
            int freq;
            if (i + 1 <= last && (b == e || (a[i + 1] >>> SYM_BITS) <= (a[b] >>> SYM_BITS))) {
                freq = (a[i] >>> SYM_BITS) + (a[i + 1] >>> SYM_BITS);
                i += 2;
            } else if (b + 2 <= e && (i > last || (a[b + 1] >>> SYM_BITS) < (a[i] >>> SYM_BITS))) {
                freq = (a[b] >>> SYM_BITS) + (a[b + 1] >>> SYM_BITS);
                a[b] = e << SYM_BITS | (a[b] & SYM_MASK);
                a[b + 1] = e << SYM_BITS | (a[b + 1] & SYM_MASK);
                b += 2;
            } else {
                freq = (a[i] >>> SYM_BITS) + (a[b] >>> SYM_BITS);
                a[b] = e << SYM_BITS | (a[b] & SYM_MASK);
                i++;
                b++;
            }
            a[e] = freq << SYM_BITS | (a[e] & SYM_MASK);
        } while (++e < last);
    }

    /** Counts leaves per depth, walking internal nodes from the root down, limiting depth. */
    private void computeLengthCounts(int[] a, int root, int maxLen) {
        int[] lc = lenCounts;
        Arrays.fill(lc, 0, maxLen + 1, 0);
        lc[1] = 2;
        a[root] &= SYM_MASK; // depth 0
        for (int node = root - 1; node >= 0; node--) {
            int parent = a[node] >>> SYM_BITS;
            int depth = (a[parent] >>> SYM_BITS) + 1;
            a[node] = (a[node] & SYM_MASK) | depth << SYM_BITS;
            int len = depth;
            if (len >= maxLen) {
                len = maxLen;
                do {
                    len--;
                } while (lc[len] == 0);
            }
            lc[len]--;
            lc[len + 1] += 2;
        }
    }
}
