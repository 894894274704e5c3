package org.fenestra.dism;

import java.util.Comparator;
import java.util.Objects;

/**
 * A Windows or DISM version, {@code major.minor.build.revision} ({@code 10.0.22621.2428}).
 *
 * @since 0.1
 */
public record WindowsVersion(int major, int minor, int build, int revision) implements Comparable<WindowsVersion> {

    private static final Comparator<WindowsVersion> ORDER = Comparator.comparingInt(WindowsVersion::major)
            .thenComparingInt(WindowsVersion::minor)
            .thenComparingInt(WindowsVersion::build)
            .thenComparingInt(WindowsVersion::revision);

    public WindowsVersion {
        if (major < 0 || minor < 0 || build < 0 || revision < 0) {
            throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor + "."
                    + build + "." + revision);
        }
    }

    /** Parses {@code major.minor[.build[.revision]]}. */
    public static WindowsVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("not a Windows version (major.minor[.build[.revision]]): " + text);
        }
        int[] numbers = new int[4];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a Windows version (major.minor[.build[.revision]]): " + text, e);
            }
        }
        return new WindowsVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /** The same version without its revision: the release (10.0.22621) a build belongs to. */
    public WindowsVersion release() {
        return new WindowsVersion(major, minor, build, 0);
    }

    @Override
    public int compareTo(WindowsVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }
}
