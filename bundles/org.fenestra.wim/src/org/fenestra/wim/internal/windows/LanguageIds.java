package org.fenestra.wim.internal.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Windows language IDs (LCIDs, as {@code InstallLanguage} writes them in hex) to language names,
 * from {@code language-ids.txt}: the same table wimlib uses for {@code LANGUAGES/DEFAULT}, so a
 * capture names the default language as wimlib does.
 */
final class LanguageIds {

    private static final Map<Integer, String> NAMES = load();

    private LanguageIds() {
    }

    /** The name of a language ID, or null when the table does not know it. */
    static String name(int id) {
        return NAMES.get(id);
    }

    private static Map<Integer, String> load() {
        try (InputStream in = LanguageIds.class.getResourceAsStream("language-ids.txt")) {
            if (in == null) {
                throw new IllegalStateException("language-ids.txt is missing from the bundle");
            }
            Map<Integer, String> names = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.length() >= 5) { // "0409 en-US"; the invariant language's name is empty
                    names.put(Integer.parseInt(line.substring(0, 4), 16), line.substring(5));
                }
            }
            return Map.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
