package org.fenestra.wim.internal.extract;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.errors.WimException;
import org.fenestra.wim.model.ExtractReport;

/** Counts and notes of an extraction as it runs; {@link #report()} freezes them. */
final class ExtractTally {
    private final List<String> warnings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<ExtractReport.Damaged> damaged = new ArrayList<>();
    private int files;
    private int directories;
    private int hardLinks;
    private int symlinks;

    void warn(String message) {
        warnings.add(message);
    }

    void skip(String message) {
        skipped.add(message);
    }

    void damaged(String path, WimException error) {
        damaged.add(new ExtractReport.Damaged(path, error));
    }

    void file() {
        files++;
    }

    void directory() {
        directories++;
    }

    void hardLink() {
        hardLinks++;
    }

    void symlink() {
        symlinks++;
    }

    ExtractReport report() {
        return new ExtractReport(warnings, skipped, files, directories, hardLinks, symlinks, damaged);
    }
}
