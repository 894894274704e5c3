package org.fenestra.content.internal;

import java.util.IllformedLocaleException;
import java.util.Locale;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.wim.WimImageInfo;

/** What the catalog records about an image, read from its WIM XML unless the admin overrides it. */
record ImageProperties(String osVersion, String edition, Architecture architecture, String language) {

    private static final String ARCH = "WINDOWS/ARCH";

    static ImageProperties of(WimImageInfo image, String architectureOverride, String languageOverride)
            throws ImportException {
        String osVersion = image.hasWindowsInfo() ? image.versionMajor() + "." + image.versionMinor() + "."
                + image.versionBuild() + "." + image.versionSpBuild() : "";
        Architecture architecture = architectureOverride.isEmpty() ? fromXml(image) : parse(architectureOverride);
        String language = languageOverride.isEmpty() ? nonNull(image.defaultLanguage()) : languageTag(languageOverride);
        return new ImageProperties(osVersion, edition(image), architecture, language);
    }

    /** EDITIONID where the image has one; older and custom images name their edition only in FLAGS. */
    static String edition(WimImageInfo image) {
        String edition = nonNull(image.editionId()).strip();
        return edition.isEmpty() ? nonNull(image.flags()).strip() : edition;
    }

    /**
     * WINDOWS/ARCH holds a PROCESSOR_ARCHITECTURE_* value. An image without it is refused rather
     * than guessed: a wrong architecture sends the image to machines it cannot boot.
     */
    private static Architecture fromXml(WimImageInfo image) throws ImportException {
        if (!image.has(ARCH)) {
            throw new ImportException(Reason.ARCHITECTURE_UNKNOWN, "image " + image.index()
                    + " records no processor architecture; give it explicitly (x86, x64 or arm64); nothing was added");
        }
        return switch ((int) image.architecture()) {
            case 0 -> Architecture.X86;
            case 9 -> Architecture.X64;
            case 12 -> Architecture.ARM64;
            default -> throw new ImportException(Reason.INVALID_ARGUMENT, "image " + image.index()
                    + " has architecture " + image.architecture() + ", which Fenestra does not manage;"
                    + " give the architecture explicitly (x86, x64 or arm64)");
        };
    }

    private static Architecture parse(String text) throws ImportException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "x86" -> Architecture.X86;
            case "x64", "amd64" -> Architecture.X64;
            case "arm64" -> Architecture.ARM64;
            default -> throw new ImportException(Reason.INVALID_ARGUMENT,
                    "architecture \"" + text + "\" is not one of x86, x64, arm64");
        };
    }

    /** A well-formed BCP 47 tag with a language, in its canonical case ({@code EN-us} → {@code en-US}). */
    static String languageTag(String text) throws ImportException {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(text).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new ImportException(Reason.INVALID_ARGUMENT, "language \"" + text
                    + "\" is not a BCP 47 language tag such as en-US, de-DE or sr-Latn-RS", e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
