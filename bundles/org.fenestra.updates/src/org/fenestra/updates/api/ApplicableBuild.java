package org.fenestra.updates.api;

import java.util.Objects;

/**
 * One OS build rule of a package, as {@code update.mum} writes it in a {@code parent} element:
 * the image's {@code major.minor.build} compared with {@code version}'s by {@code buildCompare}, and
 * its revision with {@code version}'s revision by {@code revisionCompare}. A package applies to an
 * image when any of its rules matches (or it has none).
 *
 * @since 0.1
 */
public record ApplicableBuild(OsBuild version, Comparison buildCompare, Comparison revisionCompare) {

    /** How a part of the image's version is compared with the rule's. */
    public enum Comparison {
        EQ, GE, GT, LE, LT,
        /** Not compared (the attribute is absent). */
        ANY;

        boolean holds(int imageComparedToRule) {
            return switch (this) {
                case EQ -> imageComparedToRule == 0;
                case GE -> imageComparedToRule >= 0;
                case GT -> imageComparedToRule > 0;
                case LE -> imageComparedToRule <= 0;
                case LT -> imageComparedToRule < 0;
                case ANY -> true;
            };
        }
    }

    public ApplicableBuild {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildCompare, "buildCompare");
        Objects.requireNonNull(revisionCompare, "revisionCompare");
    }

    /** Whether an image of {@code image}'s version satisfies this rule. */
    public boolean matches(OsBuild image) {
        return buildCompare.holds(image.compareBuild(version))
                && revisionCompare.holds(Long.compare(image.revision(), version.revision()));
    }

    /** {@code EQ:GE:10.0.22621.1}: how the catalog stores the rule; {@link #parse} reads it back. */
    public String text() {
        return buildCompare + ":" + revisionCompare + ":" + version;
    }

    /** Parses {@link #text()}. */
    public static ApplicableBuild parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a build rule (BUILD:REVISION:a.b.c.d): " + text);
        }
        return new ApplicableBuild(OsBuild.parse(parts[2]), Comparison.valueOf(parts[0]), Comparison.valueOf(parts[1]));
    }

    @Override
    public String toString() {
        return "build " + buildCompare + " " + version.major() + "." + version.minor() + "." + version.build()
                + (revisionCompare == Comparison.ANY ? "" : ", revision " + revisionCompare + " " + version.revision());
    }
}
