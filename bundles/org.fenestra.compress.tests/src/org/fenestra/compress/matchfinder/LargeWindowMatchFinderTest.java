package org.fenestra.compress.matchfinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The large-window match finder reports only real matches, by strictly increasing length,
 * finds the longest one with an unlimited search, keeps the longest when its output is
 * capped, never reaches past its tree window nor into a previous buffer.
 */
class LargeWindowMatchFinderTest {

    private static void assertMatches(byte[] b, int pos, int maxLen, int[] lens, int[] offs, int count) {
        int prev = 0;
        for (int k = 0; k < count; k++) {
            assertTrue(lens[k] > prev && lens[k] <= maxLen, "lengths must strictly increase at " + pos);
            assertTrue(offs[k] >= 1 && offs[k] <= pos, "offset " + offs[k] + " at " + pos);
            for (int i = 0; i < lens[k]; i++) {
                assertEquals(b[pos - offs[k] + i], b[pos + i], "byte " + i + " of match at " + pos);
            }
            prev = lens[k];
        }
    }

    @Test
    void reportsIncreasingRealMatchesUpToTheLongest() {
        int n = 6000;
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n, 1 << 20);
        int[] lens = new int[600];
        int[] offs = new int[600];
        for (long seed = 3; seed <= 4; seed++) {
            byte[] b = MatchData.data(n, seed);
            mf.reset(b, n);
            for (int pos = 0; pos + LargeWindowMatchFinder.REQUIRED_BYTES <= n; pos++) {
                int maxLen = Math.min(n - pos, 258);
                int count = mf.getMatches(pos, maxLen, Integer.MAX_VALUE, lens, offs, 0, lens.length);
                assertMatches(b, pos, maxLen, lens, offs, count);
                int want = MatchData.longest(b, pos, maxLen);
                if (want >= 4) {
                    assertEquals(want, lens[count - 1], "longest match at " + pos);
                    assertEquals(want, mf.bestLen);
                }
            }
        }
    }

    @Test
    void cappedOutputKeepsTheLongestAndSkipInserts() {
        int n = 6000;
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n, 1 << 13);
        int[] lens = new int[8];
        int[] offs = new int[8];
        byte[] b = MatchData.data(n, 9);
        mf.reset(b, n);
        for (int pos = 0; pos + LargeWindowMatchFinder.REQUIRED_BYTES <= n; pos++) {
            if (pos % 7 == 3) {
                mf.skip(pos, 2, 258, Integer.MAX_VALUE); // positions inserted by skip are found later
                pos++;
                continue;
            }
            int maxLen = Math.min(n - pos, 258);
            int count = mf.getMatches(pos, maxLen, Integer.MAX_VALUE, lens, offs, 2, 5);
            assertTrue(count <= 5);
            System.arraycopy(lens, 2, lens, 0, count - 2);
            System.arraycopy(offs, 2, offs, 0, count - 2);
            assertMatches(b, pos, maxLen, lens, offs, count - 2);
            int want = MatchData.longest(b, pos, maxLen);
            if (want >= 4) {
                assertEquals(want, lens[count - 3], "longest match at " + pos);
            }
        }
    }

    @Test
    void reuseAcrossBuffersNeverReachesIntoTheOldBuffer() {
        int n = 5000;
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n, 1 << 16);
        int[] lens = new int[600];
        int[] offs = new int[600];
        byte[] a = MatchData.data(n, 5);
        byte[] b = a.clone();
        mf.reset(a, n);
        for (int pos = 0; pos + 5 <= n; pos++) {
            mf.getMatches(pos, Math.min(n - pos, 64), 8, lens, offs, 0, lens.length);
        }
        mf.reset(b, n / 2);
        for (int pos = 0; pos + 5 <= n / 2; pos++) {
            int maxLen = n / 2 - pos;
            int count = mf.getMatches(pos, Math.min(maxLen, 64), 64, lens, offs, 0, lens.length);
            assertMatches(b, pos, maxLen, lens, offs, count);
        }
    }

    @Test
    void matchesStayWithinTheTreeWindowAndTheLongestThereIsFound() {
        int n = 20000;
        int window = 1024;
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n, window);
        int[] lens = new int[600];
        int[] offs = new int[600];
        byte[] b = MatchData.data(n, 11);
        mf.reset(b, n);
        for (int pos = 0; pos + LargeWindowMatchFinder.REQUIRED_BYTES <= n; pos++) {
            int maxLen = Math.min(n - pos, 258);
            int count = mf.getMatches(pos, maxLen, Integer.MAX_VALUE, lens, offs, 0, lens.length);
            assertMatches(b, pos, maxLen, lens, offs, count);
            for (int k = 0; k < count; k++) {
                assertTrue(offs[k] < window, "offset " + offs[k] + " beyond the window at " + pos);
            }
            int want = longestWithin(b, pos, maxLen, window - 1);
            if (want >= 4) {
                assertEquals(want, lens[count - 1], "longest match in the window at " + pos);
            }
        }
    }

    @Test
    void niceLengthEndsTheComparison() {
        byte[] b = new byte[4096 + LzBytes.PADDING]; // zeros: every earlier position matches to the end
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(4096, 1 << 12);
        mf.reset(b, 4096);
        int[] lens = new int[16];
        int[] offs = new int[16];
        mf.getMatches(0, 32, 16, lens, offs, 0, 16);
        mf.skip(1, 999, 32, 16);
        int count = mf.getMatches(1000, 32, 16, lens, offs, 0, 16);
        assertEquals(32, lens[count - 1]);
        assertEquals(32, mf.bestLen);
    }

    /** The longest match at {@code pos} with a position at most {@code reach} back, by brute force. */
    private static int longestWithin(byte[] b, int pos, int maxLen, int reach) {
        int best = 0;
        for (int m = Math.max(0, pos - reach); m < pos; m++) {
            int l = 0;
            while (l < maxLen && b[m + l] == b[pos + l]) {
                l++;
            }
            best = Math.max(best, l);
        }
        return best;
    }
}
