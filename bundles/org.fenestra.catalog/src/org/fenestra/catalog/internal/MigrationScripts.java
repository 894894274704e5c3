package org.fenestra.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/** The migration scripts a bundle ships in {@value #FOLDER}, in version order. */
final class MigrationScripts {

    static final String FOLDER = "db/migration";

    private MigrationScripts() {
    }

    /**
     * Reads the bundle's scripts (from its entries, not its class path, so they are found both in
     * the jar and in a bundle run from its project folder).
     *
     * @throws IllegalStateException if the versions are not 1, 2, … without gaps or duplicates
     */
    static List<MigrationScript> in(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "V*.sql", false);
        List<MigrationScript> scripts = new ArrayList<>();
        for (URL entry : entries == null ? List.<URL>of() : Collections.list(entries)) {
            String path = entry.getPath();
            scripts.add(MigrationScript.named(path.substring(path.lastIndexOf('/') + 1), read(entry)));
        }
        return ordered(scripts);
    }

    /** Sorts by version and checks the versions run 1, 2, … so no script is missing or doubled. */
    static List<MigrationScript> ordered(List<MigrationScript> scripts) {
        List<MigrationScript> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparingInt(MigrationScript::version));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() != i + 1) {
                throw new IllegalStateException("Catalog migration scripts must be numbered 1, 2, … without gaps or"
                        + " duplicates; found " + sorted.stream().map(MigrationScript::name).toList());
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalStateException("No catalog migration scripts in " + FOLDER);
        }
        return List.copyOf(sorted);
    }

    private static String read(URL entry) {
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog migration " + entry, e);
        }
    }
}
