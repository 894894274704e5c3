package org.fenestra.content.internal;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.wim.ProcessorArchitecture;
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
        Optional<Architecture> managed = image.processorArchitecture().flatMap(ImageProperties::managed);
        if (managed.isEmpty()) {
            String found = image.processorArchitecture().map(ProcessorArchitecture::displayName)
                    .orElse("number " + image.architecture());
            throw new ImportException(Reason.INVALID_ARGUMENT, "image " + image.index() + " has architecture "
                    + found + ", which Fenestra does not manage; give the architecture explicitly (x86, x64 or arm64)");
        }
        return managed.get();
    }

    private static Architecture parse(String text) throws ImportException {
        return ProcessorArchitecture.fromName(text).flatMap(ImageProperties::managed)
                .orElseThrow(() -> new ImportException(Reason.INVALID_ARGUMENT,
                        "architecture \"" + text + "\" is not one of x86, x64, arm64"));
    }

    /** The architectures the catalog manages. */
    private static Optional<Architecture> managed(ProcessorArchitecture a) {
        return switch (a) {
            case X86 -> Optional.of(Architecture.X86);
            case X64 -> Optional.of(Architecture.X64);
            case ARM64 -> Optional.of(Architecture.ARM64);
            default -> Optional.empty();
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
