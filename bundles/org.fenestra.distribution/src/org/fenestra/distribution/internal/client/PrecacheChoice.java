package org.fenestra.distribution.internal.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fenestra.distribution.internal.ImageDescription;

/**
 * Which of a deployment's images a machine pre-caches, as Configuration Manager's pre-cache
 * chooses: the image of the machine's processor architecture whose languages include the
 * machine's UI language; failing an exact language, one with the same base language
 * ({@code en-GB} takes an {@code en-US} image). Among equals, the first the deployment names.
 */
final class PrecacheChoice {

    private PrecacheChoice() {
    }

    /** The machine's architecture as images name it ({@code x64}, {@code arm64}, {@code x86}); empty if unknown. */
    static Optional<String> machineArchitecture(String osArch, Map<String, String> environment) {
        // a 32-bit JVM on 64-bit Windows: the machine's own architecture is in PROCESSOR_ARCHITEW6432
        String windows = environment.getOrDefault("PROCESSOR_ARCHITEW6432", "");
        return normalArchitecture(windows.isEmpty() ? osArch : windows);
    }

    /** An architecture as a person or an OS names it, in the names images use. */
    static Optional<String> normalArchitecture(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "x64", "amd64", "x86_64", "em64t" -> Optional.of("x64");
            case "arm64", "aarch64" -> Optional.of("arm64");
            case "x86", "i386", "i486", "i586", "i686" -> Optional.of("x86");
            default -> Optional.empty();
        };
    }

    /** The machine's UI language as a tag ({@code de-DE}); empty when the system names none. */
    static Optional<String> machineLanguage(Locale display) {
        String tag = display.toLanguageTag();
        return display.getLanguage().isEmpty() || tag.equals("und") ? Optional.empty() : Optional.of(tag);
    }

    /** The image to pre-cache, or empty when none is of this architecture and language. */
    static Optional<ImageDescription> choose(List<ImageDescription> images, String architecture, String language) {
        List<ImageDescription> ofArchitecture = images.stream()
                .filter(image -> image.architecture().equalsIgnoreCase(architecture)).toList();
        Optional<ImageDescription> exact = ofArchitecture.stream()
                .filter(image -> image.languages().stream().anyMatch(l -> l.equalsIgnoreCase(language))).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String base = baseLanguage(language);
        return ofArchitecture.stream()
                .filter(image -> image.languages().stream().anyMatch(l -> baseLanguage(l).equals(base))).findFirst();
    }

    private static String baseLanguage(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
