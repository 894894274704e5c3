package org.fenestra.compress.matchfinder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The suffix sort orders suffixes as a byte-wise comparison does (a shorter prefix first),
 * and the suffix-array match finder reports, at every position, exactly the closest match of
 * every length (as a brute-force search over all earlier positions finds them), also when
 * positions are skipped, when lengths are capped while building, and on long runs.
 */
class SuffixArrayMatchFinderTest {

    @Test
    void suffixSortAgreesWithComparisonSort() {
        Random rnd = new Random(5);
        for (int iter = 0; iter < 3000; iter++) {
            int n = 1 + rnd.nextInt(iter < 2000 ? 24 : 600);
            int alphabet = 1 + rnd.nextInt(iter % 3 == 0 ? 2 : 6);
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (rnd.nextInt(alphabet) * 97); // values above 127 too: bytes sort unsigned
            }
            int[] sa = new int[n];
            SuffixArray.sort(b, n, sa);
            assertArrayEquals(comparisonSort(b, n), sa, () -> "input " + Arrays.toString(b));
        }
    }

    @Test
    void reportsTheClosestMatchOfEveryLength() {
        Random rnd = new Random(6);
        int[] lens = new int[64];
        int[] offs = new int[64];
        for (int iter = 0; iter < 60; iter++) {
            int n = 1 + rnd.nextInt(3000);
            byte[] b = iter % 2 == 0 ? MatchData.data(n, iter) : smallAlphabet(n, rnd);
            int nice = 3 + rnd.nextInt(61);
            SuffixArrayMatchFinder mf = new SuffixArrayMatchFinder(n, nice + rnd.nextInt(3));
            mf.reset(b, n);
            for (int pos = 0; pos < n; pos++) {
                if (rnd.nextInt(6) == 0) {
                    int count = 1 + rnd.nextInt(4);
                    mf.skip(pos, count); // skipped positions are still found later
                    pos += count - 1;
                    continue;
                }
                int niceHere = Math.min(nice, n - pos);
                int count = mf.getMatches(pos, niceHere, lens, offs, 0, lens.length);
                List<int[]> want = closestOfEachLength(b, pos, niceHere);
                assertEquals(want.size(), count, "matches at " + pos + " of " + n);
                for (int k = 0; k < count; k++) {
                    assertEquals(want.get(k)[0], lens[k], "length " + k + " at " + pos);
                    assertEquals(want.get(k)[1], offs[k], "offset " + k + " at " + pos);
                }
                assertEquals(count == 0 ? 0 : lens[count - 1], mf.bestLen);
            }
        }
    }

    @Test
    void lengthsCappedWhileBuildingAreExtendedForTheLongestAndOutputKeepsTheLongest() {
        int n = 5000;
        byte[] b = MatchData.data(n, 21);
        SuffixArrayMatchFinder mf = new SuffixArrayMatchFinder(n, 8);
        mf.reset(b, n);
        int[] lens = new int[3];
        int[] offs = new int[3];
        for (int pos = 0; pos < n; pos++) {
            int nice = Math.min(200, n - pos);
            int count = mf.getMatches(pos, nice, lens, offs, 0, lens.length);
            List<int[]> capped = closestOfEachLength(b, pos, Math.min(8, nice));
            assertEquals(Math.min(capped.size(), lens.length), count, "matches at " + pos);
            for (int k = 0; k < count; k++) {
                int[] want = capped.get(capped.size() - count + k); // the longest ones
                assertEquals(want[1], offs[k], "offset " + k + " at " + pos);
                int real = matchLength(b, pos, pos - offs[k], nice);
                assertEquals(k == count - 1 && want[0] == 8 ? real : want[0], lens[k], "length " + k + " at " + pos);
            }
        }
    }

    @Test
    void longRunsAndRepeatedBlocks() {
        int n = 1 << 20;
        byte[] b = new byte[n + LzBytes.PADDING];
        Random rnd = new Random(7);
        for (int i = n / 2; i < n / 2 + 4096; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        System.arraycopy(b, n / 2, b, n / 2 + 4096, 4096);
        SuffixArrayMatchFinder mf = new SuffixArrayMatchFinder(n, 48);
        mf.reset(b, n);
        int[] lens = new int[16];
        int[] offs = new int[16];
        for (int pos = 0; pos < n; pos++) {
            int count = mf.getMatches(pos, Math.min(48, n - pos), lens, offs, 0, lens.length);
            if (pos >= 3 && pos < n / 2 - 48) { // in the run of zeros: the previous byte, as long as allowed
                assertEquals(1, count, "at " + pos);
                assertEquals(1, offs[0]);
                assertEquals(48, lens[0]);
            }
            if (pos >= n / 2 + 4096 && pos < n / 2 + 8192 - 48) { // in the copy: the block before
                assertEquals(48, lens[count - 1], "at " + pos);
                assertEquals(4096, offs[count - 1]);
            }
        }
    }

    private static byte[] smallAlphabet(int n, Random rnd) {
        byte[] b = new byte[n + LzBytes.PADDING];
        int alphabet = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            b[i] = i > 20 && rnd.nextInt(10) < 7 ? b[i - 1 - rnd.nextInt(20)] : (byte) rnd.nextInt(alphabet);
        }
        return b;
    }

    /** Brute force: going back from {@code pos}, each match longer (at least 3) than all closer ones. */
    private static List<int[]> closestOfEachLength(byte[] b, int pos, int maxLen) {
        List<int[]> found = new ArrayList<>();
        int longest = 0;
        for (int m = pos - 1; m >= 0; m--) {
            int len = matchLength(b, pos, m, maxLen);
            if (len >= 3 && len > longest) {
                found.add(new int[] { len, pos - m });
                longest = len;
            }
        }
        return found;
    }

    private static int matchLength(byte[] b, int pos, int m, int maxLen) {
        int len = 0;
        while (len < maxLen && b[m + len] == b[pos + len]) {
            len++;
        }
        return len;
    }

    private static int[] comparisonSort(byte[] b, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            for (int d = 0;; d++) {
                if (x + d == n || y + d == n) {
                    return x + d == n ? -1 : 1;
                }
                int c = (b[x + d] & 0xFF) - (b[y + d] & 0xFF);
                if (c != 0) {
                    return c;
                }
            }
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
