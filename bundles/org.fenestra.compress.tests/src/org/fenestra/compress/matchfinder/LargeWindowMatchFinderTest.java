package org.fenestra.compress.matchfinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The large-window match finder reports only real matches, by strictly increasing length,
 * finds the longest one with an unlimited search, keeps the longest when its output is
 * capped, and never reaches into a previous buffer.
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
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n);
        int[] lens = new int[600];
        int[] offs = new int[600];
        for (long seed = 3; seed <= 4; seed++) {
            byte[] b = MatchData.data(n, seed);
            mf.reset(b, n);
            for (int pos = 0; pos + LargeWindowMatchFinder.REQUIRED_BYTES <= n; pos++) {
                int maxLen = Math.min(n - pos, 258);
                int count = mf.getMatches(pos, maxLen, maxLen, Integer.MAX_VALUE, lens, offs, 0, lens.length);
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
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n);
        int[] lens = new int[8];
        int[] offs = new int[8];
        byte[] b = MatchData.data(n, 9);
        mf.reset(b, n);
        for (int pos = 0; pos + LargeWindowMatchFinder.REQUIRED_BYTES <= n; pos++) {
            if (pos % 7 == 3) {
                mf.skip(pos, 2); // positions inserted by skip are found later
                pos++;
                continue;
            }
            int maxLen = Math.min(n - pos, 258);
            int count = mf.getMatches(pos, maxLen, maxLen, Integer.MAX_VALUE, lens, offs, 2, 5);
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
        LargeWindowMatchFinder mf = new LargeWindowMatchFinder(n);
        int[] lens = new int[600];
        int[] offs = new int[600];
        byte[] a = MatchData.data(n, 5);
        byte[] b = a.clone();
        mf.reset(a, n);
        for (int pos = 0; pos + 5 <= n; pos++) {
            mf.getMatches(pos, n - pos, Math.min(n - pos, 64), 8, lens, offs, 0, lens.length);
        }
        mf.reset(b, n / 2);
        for (int pos = 0; pos + 5 <= n / 2; pos++) {
            int maxLen = n / 2 - pos;
            int count = mf.getMatches(pos, maxLen, Math.min(maxLen, 64), 64, lens, offs, 0, lens.length);
            assertMatches(b, pos, maxLen, lens, offs, count);
        }
    }
}
