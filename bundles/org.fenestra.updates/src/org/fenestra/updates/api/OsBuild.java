package org.fenestra.updates.api;

import java.util.Comparator;

/**
 * A Windows version as images and packages write it: {@code major.minor.build.revision}, e.g.
 * {@code 10.0.22621.2428} (the revision is the update build revision, UBR).
 *
 * @since 0.1
 */
public record OsBuild(long major, long minor, long build, long revision) implements Comparable<OsBuild> {

    private static final Comparator<OsBuild> ORDER = Comparator.comparingLong(OsBuild::major)
            .thenComparingLong(OsBuild::minor).thenComparingLong(OsBuild::build).thenComparingLong(OsBuild::revision);

    public OsBuild {
        if (major < 0 || minor < 0 || build < 0 || revision < 0) {
            throw new IllegalArgumentException("negative version part: " + major + "." + minor + "." + build + "." + revision);
        }
    }

    /**
     * Parses {@code a.b.c.d} (missing trailing parts are 0).
     *
     * @throws IllegalArgumentException if it is not up to four dotted non-negative numbers
     */
    public static OsBuild parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.");
        if (parts.length < 1 || parts.length > 4 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a version (a.b.c.d): '" + text + "'");
        }
        long[] numbers = new long[4];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version (a.b.c.d): '" + text + "'", e);
            }
        }
        return new OsBuild(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /** Compares major, minor and build, not the revision. */
    int compareBuild(OsBuild other) {
        return ORDER.compare(new OsBuild(major, minor, build, 0), new OsBuild(other.major, other.minor, other.build, 0));
    }

    @Override
    public int compareTo(OsBuild other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }
}
