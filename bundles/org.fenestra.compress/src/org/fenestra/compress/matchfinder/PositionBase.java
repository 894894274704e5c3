package org.fenestra.compress.matchfinder;

import java.util.Arrays;

/**
 * The base that turns buffer indices into the absolute positions stored in a match finder's
 * tables. Each new buffer starts above every position stored for the previous one, so
 * entries left from earlier buffers read as "empty" (below the base) and the tables need no
 * clearing between chunks, only when the counter would overflow.
 */
final class PositionBase {

    private PositionBase() {
    }

    /**
     * The base for the next buffer, after one of {@code previousSize} bytes at
     * {@code previousBase}: just above it, or 1 after clearing {@code tables} (null ones are
     * skipped) when positions up to {@code span} above it could overflow.
     */
    static int next(int previousBase, int previousSize, int span, int[]... tables) {
        int base = previousBase + previousSize;
        if (base <= Integer.MAX_VALUE - span) {
            return base;
        }
        for (int[] t : tables) {
            if (t != null) {
                Arrays.fill(t, 0);
            }
        }
        return 1;
    }

    /** Checks that a buffer of {@code size} bytes fits a match finder made for {@code capacity}. */
    static void checkSize(int size, int capacity) {
        if (size > capacity) {
            throw new IllegalArgumentException("buffer of " + size + " bytes exceeds " + capacity);
        }
    }
}
