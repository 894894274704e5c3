package org.fenestra.compress.matchfinder;

import java.util.Random;

/** Test input for the match finders and the brute-force answer they are checked against. */
final class MatchData {

    private MatchData() {
    }

    /**
     * {@code n} bytes (plus padding) over a small alphabet with copies of earlier stretches:
     * many matches of all lengths.
     */
    static byte[] data(int n, long seed) {
        Random rnd = new Random(seed);
        byte[] b = new byte[n + LzBytes.PADDING];
        for (int i = 0; i < n; i++) {
            if (i > 300 && rnd.nextInt(50) == 0) {
                int from = rnd.nextInt(i - 1);
                int len = Math.min(n - i, 1 + rnd.nextInt(300));
                for (int k = 0; k < len; k++) {
                    b[i + k] = b[from + k];
                }
                i += len - 1;
            } else {
                b[i] = (byte) rnd.nextInt(4);
            }
        }
        return b;
    }

    /** The longest match at {@code pos} with any earlier position, at most {@code maxLen}, by brute force. */
    static int longest(byte[] b, int pos, int maxLen) {
        int best = 0;
        for (int m = 0; m < pos; m++) {
            int l = 0;
            while (l < maxLen && b[m + l] == b[pos + l]) {
                l++;
            }
            best = Math.max(best, l);
        }
        return best;
    }
}
