package org.fenestra.content.internal;

import java.util.Optional;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimImageInfo;

/** What the catalog records about an image, read from its WIM XML unless the admin overrides it. */
record ImageProperties(String osVersion, String edition, Architecture architecture, String language) {

    static ImageProperties of(WimImageInfo image, String architectureOverride, String languageOverride)
            throws ImportException {
        String osVersion = image.hasWindowsInfo() ? image.versionMajor() + "." + image.versionMinor() + "."
                + image.versionBuild() + "." + image.versionSpBuild() : "";
        String edition = nonNull(image.editionId());
        Architecture architecture = architectureOverride.isEmpty() ? fromXml(image) : parse(architectureOverride);
        String language = languageOverride.isEmpty() ? nonNull(image.defaultLanguage()) : languageOverride;
        return new ImageProperties(osVersion, edition, architecture, language);
    }

    /** WINDOWS/ARCH holds a PROCESSOR_ARCHITECTURE_* value; images without it are taken as x64, today's norm. */
    private static Architecture fromXml(WimImageInfo image) throws ImportException {
        if (!image.hasWindowsInfo()) {
            return Architecture.X64;
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

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
