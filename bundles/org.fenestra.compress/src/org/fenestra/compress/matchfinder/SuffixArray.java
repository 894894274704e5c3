package org.fenestra.compress.matchfinder;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time whatever
 * the input, so long runs and repeated files cost no more than text. The end of the input acts
 * as a sentinel smaller than every symbol. The reduced problem of each level is solved in the
 * lower half of the caller's array, its text in the upper half, so the only extra memory is a
 * type bit per symbol and the bucket counts.
 */
final class SuffixArray {

    private SuffixArray() {
    }

    /** Stores in {@code sa[0 .. n)} the start positions of the suffixes of {@code text[0 .. n)}, in sorted order. */
    static void sort(byte[] text, int n, int[] sa) {
        if (n == 0) {
            return;
        }
        sort(new ByteText(text), n, 256, sa);
    }

    /** Symbols of the text being sorted: bytes at the top level, names of reduced problems below. */
    private abstract static sealed class Text permits ByteText, IntText {
        abstract int at(int i);
    }

    private static final class ByteText extends Text {
        private final byte[] b;

        ByteText(byte[] b) {
            this.b = b;
        }

        @Override
        int at(int i) {
            return b[i] & 0xFF;
        }
    }

    private static final class IntText extends Text {
        private final int[] a;
        private final int off;

        IntText(int[] a, int off) {
            this.a = a;
            this.off = off;
        }

        @Override
        int at(int i) {
            return a[off + i];
        }
    }

    /** Sorts the suffixes of {@code t[0 .. n)} (symbols below {@code k}) into {@code sa[0 .. n)}. */
    private static void sort(Text t, int n, int k, int[] sa) {
        if (n == 1) {
            sa[0] = 0;
            return;
        }
        long[] sType = classify(t, n);
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[t.at(i)]++;
        }
        int[] bucket = new int[k];

        // 1. Sort the LMS substrings: LMS positions at their buckets' ends, then induce.
        Arrays.fill(sa, 0, n, -1);
        bucketEnds(count, bucket);
        for (int i = n - 1; i >= 1; i--) {
            if (isLms(sType, i)) {
                sa[--bucket[t.at(i)]] = i;
            }
        }
        induce(t, n, sa, sType, count, bucket);

        // 2. Name them: equal substrings get equal names, in sorted order. Each LMS substring's
        // length is noted first (0 for the last one, which holds the sentinel and is unique);
        // equal lengths and bytes then mean equal substrings, types included.
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = sa[i];
            if (isLms(sType, p)) {
                sa[m++] = p;
            }
        }
        Arrays.fill(sa, m, n, 0);
        for (int i = n - 1, next = n; i >= 1; i--) {
            if (isLms(sType, i)) {
                sa[m + (i >>> 1)] = next == n ? 0 : next - i + 1; // LMS positions are at least 2 apart: no collisions
                next = i;
            }
        }
        int names = 0;
        int prev = -1;
        int prevLen = 0;
        for (int i = 0; i < m; i++) {
            int p = sa[i];
            int len = sa[m + (p >>> 1)];
            if (len == 0 || len != prevLen || !equalSymbols(t, prev, p, len)) {
                names++;
            }
            prev = p;
            prevLen = len;
            sa[m + (p >>> 1)] = names;
        }
        // The reduced text (names in text order) goes to the top of sa.
        for (int i = n - 1, j = n; i >= m; i--) {
            if (sa[i] > 0) {
                sa[--j] = sa[i] - 1;
            }
        }

        // 3. Sort the reduced text's suffixes into sa[0 .. m): directly if its names are unique.
        if (names < m) {
            sort(new IntText(sa, n - m), m, names, sa);
        } else {
            for (int i = 0; i < m; i++) {
                sa[sa[n - m + i]] = i;
            }
        }

        // 4. The sorted LMS suffixes, at their buckets' ends, induce the whole order.
        for (int i = 1, j = n - m; i < n; i++) { // the LMS positions in text order, over the reduced text
            if (isLms(sType, i)) {
                sa[j++] = i;
            }
        }
        for (int i = 0; i < m; i++) {
            sa[i] = sa[n - m + sa[i]];
        }
        Arrays.fill(sa, m, n, -1);
        bucketEnds(count, bucket);
        for (int i = m - 1; i >= 0; i--) {
            int p = sa[i];
            sa[i] = -1;
            sa[--bucket[t.at(p)]] = p;
        }
        induce(t, n, sa, sType, count, bucket);
    }

    /** Bit i set: suffix i is S-type (smaller than suffix i + 1); the last one is L-type. */
    private static long[] classify(Text t, int n) {
        long[] sType = new long[(n >>> 6) + 1];
        int next = t.at(n - 1);
        boolean nextS = false;
        for (int i = n - 2; i >= 0; i--) {
            int c = t.at(i);
            boolean s = c < next || (c == next && nextS);
            if (s) {
                sType[i >>> 6] |= 1L << i;
            }
            next = c;
            nextS = s;
        }
        return sType;
    }

    private static boolean isS(long[] sType, int i) {
        return (sType[i >>> 6] & 1L << i) != 0;
    }

    /** Leftmost S-type: an S-type suffix after an L-type one. */
    private static boolean isLms(long[] sType, int i) {
        return i > 0 && isS(sType, i) && !isS(sType, i - 1);
    }

    private static void bucketEnds(int[] count, int[] bucket) {
        int sum = 0;
        for (int c = 0; c < count.length; c++) {
            sum += count[c];
            bucket[c] = sum;
        }
    }

    private static void bucketStarts(int[] count, int[] bucket) {
        int sum = 0;
        for (int c = 0; c < count.length; c++) {
            bucket[c] = sum;
            sum += count[c];
        }
    }

    /** From the S-type suffixes placed at their buckets' ends, sorts the L-types, then all S-types. */
    private static void induce(Text t, int n, int[] sa, long[] sType, int[] count, int[] bucket) {
        bucketStarts(count, bucket);
        sa[bucket[t.at(n - 1)]++] = n - 1; // induced by the sentinel
        for (int i = 0; i < n; i++) {
            int j = sa[i] - 1;
            if (j >= 0 && !isS(sType, j)) {
                sa[bucket[t.at(j)]++] = j;
            }
        }
        bucketEnds(count, bucket);
        for (int i = n - 1; i >= 0; i--) {
            int j = sa[i] - 1;
            if (j >= 0 && isS(sType, j)) {
                sa[--bucket[t.at(j)]] = j;
            }
        }
    }

    /** Whether {@code t[a .. a + len)} and {@code t[b .. b + len)} are equal. */
    private static boolean equalSymbols(Text t, int a, int b, int len) {
        for (int d = 0; d < len; d++) {
            if (t.at(a + d) != t.at(b + d)) {
                return false;
            }
        }
        return true;
    }
}
