package org.fenestra.wim.model;

import java.util.List;

/**
 * What an extraction did, and what it could not do (each item names the image path).
 *
 * @param warnings    things done differently than stored (renamed names, unsupported attributes)
 * @param skipped     entries not extracted, with the reason
 * @param files       regular files written
 * @param directories directories created
 * @param hardLinks   hard links made
 * @param symlinks    symbolic links made
 * @since 0.1
 */
public record ExtractReport(List<String> warnings, List<String> skipped, int files, int directories, int hardLinks,
        int symlinks) {

    public ExtractReport {
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }
}
