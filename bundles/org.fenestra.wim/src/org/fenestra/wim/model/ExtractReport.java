package org.fenestra.wim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an extraction did, and what it could not do (each item names the image path). */
public final class ExtractReport {
    private final List<String> warnings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int files;
    private int directories;
    private int hardLinks;
    private int symlinks;

    public void warn(String message) {
        warnings.add(message);
    }

    public void skip(String message) {
        skipped.add(message);
    }

    public void file() {
        files++;
    }

    public void directory() {
        directories++;
    }

    public void hardLink() {
        hardLinks++;
    }

    public void symlink() {
        symlinks++;
    }

    /** Things done differently than stored (renamed names, unsupported attributes). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Entries not extracted, with the reason. */
    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    public int files() {
        return files;
    }

    public int directories() {
        return directories;
    }

    public int hardLinks() {
        return hardLinks;
    }

    public int symlinks() {
        return symlinks;
    }
}
