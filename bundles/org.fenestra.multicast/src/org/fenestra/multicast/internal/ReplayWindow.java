package org.fenestra.multicast.internal;

/**
 * Accepts each packet counter of one origin at most once, like IPsec's anti-replay window:
 * counters within {@value #SIZE} of the highest seen are tracked exactly; older ones are refused.
 * A LAN rarely reorders that far, and a refused packet is only a loss the NACKs repair.
 */
final class ReplayWindow {

    static final int SIZE = 4096;

    private final long[] seen = new long[SIZE / 64];
    private long highest;

    /** Records {@code counter} and says whether it is new. Counters start at 1. */
    boolean accept(long counter) {
        if (counter <= 0 || counter <= highest - SIZE) {
            return false;
        }
        if (counter > highest) {
            long advance = counter - highest;
            if (advance >= SIZE) {
                java.util.Arrays.fill(seen, 0L);
            } else {
                for (long c = highest + 1; c < counter; c++) {
                    clear(c);
                }
            }
            highest = counter;
            set(counter);
            return true;
        }
        if (isSet(counter)) {
            return false;
        }
        set(counter);
        return true;
    }

    private void set(long counter) {
        int bit = (int) (counter % SIZE);
        seen[bit >>> 6] |= 1L << (bit & 63);
    }

    private void clear(long counter) {
        int bit = (int) (counter % SIZE);
        seen[bit >>> 6] &= ~(1L << (bit & 63));
    }

    private boolean isSet(long counter) {
        int bit = (int) (counter % SIZE);
        return (seen[bit >>> 6] & (1L << (bit & 63))) != 0;
    }
}
