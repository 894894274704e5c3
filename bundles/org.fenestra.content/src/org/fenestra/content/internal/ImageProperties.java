package org.fenestra.content.internal;

import java.util.Locale;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
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

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
