package org.fenestra.distribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a pre-caching client needs to know of an image on a DP: its processor architecture
 * ({@code x86}, {@code x64}, {@code arm64}) and installed UI languages ({@code en-US}, ...). The
 * site sends it with the content ({@code PUT /admin/images/ID}); the DP lists it to token holders
 * ({@code GET /images}) as one line per image: {@code ID ARCH LANG[,LANG...]} ({@code -} for no
 * language known).
 */
public record ImageDescription(String packageId, String architecture, List<String> languages) {

    private static final String PLAIN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final String LANGUAGE = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}";

    public ImageDescription {
        if (!packageId.matches(PLAIN) || packageId.contains("..")) {
            throw new IllegalArgumentException("not a package ID: " + packageId);
        }
        architecture = architecture.toLowerCase(Locale.ROOT);
        if (!architecture.matches("[a-z0-9_]{1,16}")) {
            throw new IllegalArgumentException("not an architecture: " + architecture);
        }
        for (String language : languages) {
            if (!language.matches(LANGUAGE)) {
                throw new IllegalArgumentException("not a language tag: " + language);
            }
        }
        languages = List.copyOf(languages);
    }

    /** {@code ID ARCH LANGS}, as the DP lists it. */
    public String toLine() {
        return packageId + " " + architecture + " " + (languages.isEmpty() ? "-" : String.join(",", languages));
    }

    /** The body of {@code PUT /admin/images/ID}: {@code architecture ARCH} and {@code languages LANGS} lines. */
    public String toBody() {
        return "architecture " + architecture + "\nlanguages " + String.join(" ", languages) + "\n";
    }

    public static ImageDescription fromLine(String line) {
        String[] parts = line.strip().split(" ", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an image line is ID ARCH LANGS, not: " + line);
        }
        return new ImageDescription(parts[0], parts[1], parts[2].equals("-") ? List.of() : List.of(parts[2].split(",")));
    }

    public static ImageDescription fromBody(String packageId, String body) {
        String architecture = null;
        List<String> languages = new ArrayList<>();
        for (String line : body.lines().toList()) {
            if (line.startsWith("architecture ")) {
                architecture = line.substring("architecture ".length()).strip();
            } else if (line.startsWith("languages ")) {
                for (String language : line.substring("languages ".length()).strip().split(" +")) {
                    if (!language.isEmpty()) {
                        languages.add(language);
                    }
                }
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("unknown line in an image description: " + line);
            }
        }
        if (architecture == null) {
            throw new IllegalArgumentException("an image description names its architecture");
        }
        return new ImageDescription(packageId, architecture, languages);
    }

    /** Words for people: {@code FEN00001 (x64, en-US de-DE)}. */
    public String describe() {
        return packageId + " (" + architecture + ", " + (languages.isEmpty() ? "no language known" : String.join(" ", languages)) + ")";
    }
}
