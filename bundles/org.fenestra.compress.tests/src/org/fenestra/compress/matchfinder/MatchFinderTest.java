package org.fenestra.compress.matchfinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The match finders only report real matches (checked byte by byte), within the buffer,
 * with the length they claim; with an unlimited search they find the longest match; and
 * reusing an instance for a new buffer never reports matches into the old one.
 */
class MatchFinderTest {

    private static void assertMatch(byte[] b, int pos, int off, int len) {
        assertTrue(off >= 1 && off <= pos, "offset " + off + " at " + pos);
        for (int k = 0; k < len; k++) {
            assertEquals(b[pos - off + k], b[pos + k], "byte " + k + " of match at " + pos);
        }
    }

    @Test
    void hashChainsFindTheLongestMatchWithUnlimitedDepth() {
        int n = 6000;
        HashChainMatchFinder mf = new HashChainMatchFinder(n);
        for (long seed = 1; seed <= 2; seed++) {
            byte[] b = MatchData.data(n, seed);
            mf.reset(b, n);
            for (int pos = 0; pos < n; pos++) {
                int maxLen = Math.min(n - pos, 258);
                int len = mf.longestMatch(pos, 2, maxLen, maxLen, Integer.MAX_VALUE);
                if (maxLen < 5) {
                    continue;
                }
                int want = MatchData.longest(b, pos, maxLen);
                if (len >= 3) {
                    assertMatch(b, pos, mf.offset, len);
                }
                if (want >= 4) {
                    assertEquals(want, len, "longest match at " + pos);
                } else {
                    // length-3 matches come from a one-entry table and may be missed
                    assertTrue(len <= Math.max(2, want), "at " + pos);
                }
            }
        }
    }

    @Test
    void afterAJumpHashChainsFindTheLongestMatchAmongTheInsertedPositions() {
        int n = 6000;
        HashChainMatchFinder mf = new HashChainMatchFinder(n);
        byte[] b = MatchData.data(n, 5);
        mf.reset(b, n);
        boolean[] inChains = new boolean[n];
        for (int pos = 0; pos < n;) {
            int maxLen = Math.min(n - pos, 258);
            int len = mf.longestMatch(pos, 2, maxLen, maxLen, Integer.MAX_VALUE);
            inChains[pos] = true;
            if (maxLen >= 5) {
                if (len >= 3) {
                    assertMatch(b, pos, mf.offset, len);
                    assertTrue(inChains[pos - mf.offset], "match source " + (pos - mf.offset) + " was jumped over");
                }
                int want = 0;
                for (int src = 0; src < pos; src++) {
                    int l = 0;
                    while (l < maxLen && b[src + l] == b[pos + l]) {
                        l++;
                    }
                    if (inChains[src]) {
                        want = Math.max(want, l);
                    }
                }
                if (want >= 4) {
                    assertEquals(want, len, "longest match among inserted positions at " + pos);
                }
            }
            int step = 1 + pos % 40; // alternate searches with jumps of 0..39 positions
            int jump = Math.min(step - 1, n - pos - 1);
            mf.jump(pos + 1, jump);
            pos += 1 + jump;
        }
    }

    @Test
    void binaryTreesReportIncreasingRealMatchesUpToTheLongest() {
        int n = 6000;
        BinaryTreeMatchFinder mf = new BinaryTreeMatchFinder(n, true);
        int[] lens = new int[600];
        int[] offs = new int[600];
        for (long seed = 3; seed <= 4; seed++) {
            byte[] b = MatchData.data(n, seed);
            mf.reset(b, n);
            for (int pos = 0; pos + BinaryTreeMatchFinder.REQUIRED_BYTES <= n; pos++) {
                int maxLen = Math.min(n - pos, 258);
                int count = mf.getMatches(pos, maxLen, maxLen, Integer.MAX_VALUE, lens, offs, 0);
                int prev = 0;
                for (int k = 0; k < count; k++) {
                    assertTrue(lens[k] > prev, "lengths must strictly increase at " + pos);
                    assertTrue(lens[k] <= maxLen);
                    assertMatch(b, pos, offs[k], lens[k]);
                    prev = lens[k];
                }
                int want = MatchData.longest(b, pos, maxLen);
                if (want >= 4) {
                    assertEquals(want, prev, "longest match at " + pos);
                }
            }
        }
    }

    @Test
    void reuseAcrossBuffersNeverReachesIntoTheOldBuffer() {
        int n = 5000;
        HashChainMatchFinder hc = new HashChainMatchFinder(n);
        BinaryTreeMatchFinder bt = new BinaryTreeMatchFinder(n, false);
        int[] lens = new int[600];
        int[] offs = new int[600];
        byte[] a = MatchData.data(n, 5);
        byte[] b = a.clone(); // identical content: stale entries would "match"
        hc.reset(a, n);
        bt.reset(a, n);
        for (int pos = 0; pos + 5 <= n; pos++) {
            hc.longestMatch(pos, 2, n - pos, n - pos, 8);
            bt.getMatches(pos, n - pos, Math.min(n - pos, 64), 8, lens, offs, 0);
        }
        hc.reset(b, n / 2);
        bt.reset(b, n / 2);
        for (int pos = 0; pos + 5 <= n / 2; pos++) {
            int maxLen = n / 2 - pos;
            int len = hc.longestMatch(pos, 2, maxLen, maxLen, 64);
            if (len >= 3) {
                assertMatch(b, pos, hc.offset, len);
            }
            int count = bt.getMatches(pos, maxLen, Math.min(maxLen, 64), 64, lens, offs, 0);
            for (int k = 0; k < count; k++) {
                assertMatch(b, pos, offs[k], lens[k]);
            }
        }
    }

    /**
     * The hash chains' 16-bit entries: over buffers of up to 64 KiB, one after another (so that
     * the per-buffer base wraps and the tables are cleared), every match is real and inside the
     * buffer, and an unlimited search still finds the longest one.
     */
    @Test
    void sixteenBitHashChainsStayExactOverManyBuffersOfUpTo64KiB() {
        HashChainMatchFinder hc = new HashChainMatchFinder(HashChainMatchFinder.MAX_BUFFER_SIZE);
        int[] sizes = {65536, 32768, 32768, 32768, 40000, 4096, 65536, 30000, 30000, 30000, 65531};
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            byte[] b = MatchData.data(n, i % 3); // recurring seeds: stale entries would look like matches
            hc.reset(b, n);
            for (int pos = 0; pos < n; pos++) {
                int maxLen = Math.min(n - pos, 258);
                boolean exact = pos % 1024 == 0;
                int len = hc.longestMatch(pos, 2, maxLen, maxLen, exact ? Integer.MAX_VALUE : 16);
                if (maxLen < 5) {
                    continue;
                }
                if (len >= 3) {
                    assertMatch(b, pos, hc.offset, len);
                }
                int want = exact ? MatchData.longest(b, pos, maxLen) : 0;
                if (want >= 4) {
                    assertEquals(want, len, "longest match at " + pos + " of buffer " + i);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new HashChainMatchFinder(HashChainMatchFinder.MAX_BUFFER_SIZE + 1));
    }
}
