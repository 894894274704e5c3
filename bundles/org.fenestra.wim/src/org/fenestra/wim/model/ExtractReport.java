package org.fenestra.wim.model;

import java.util.List;

import org.fenestra.wim.errors.WimException;

/**
 * What an extraction did, and what it could not do (each item names the image path).
 *
 * @param warnings    things done differently than stored (renamed names, unsupported attributes)
 * @param skipped     entries not extracted, with the reason
 * @param files       regular files written
 * @param directories directories created
 * @param hardLinks   hard links made
 * @param symlinks    symbolic links made
 * @param damaged     files whose data is corrupted, extracted anyway (only with
 *                    {@link ExtractOptions#recoverData()})
 * @since 0.1
 */
public record ExtractReport(List<String> warnings, List<String> skipped, int files, int directories, int hardLinks,
        int symlinks, List<Damaged> damaged) {

    public ExtractReport {
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
        damaged = List.copyOf(damaged);
    }

    /**
     * A file extracted with corrupted data.
     *
     * @param path  the file's path in the image (with {@code :NAME} for a named stream)
     * @param error why its data is not good: a SHA-1 mismatch or data that could not be read
     */
    public record Damaged(String path, WimException error) {
    }
}
