package org.fenestra.wim.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an extraction did, and what it could not do (each item names the image path). */
public final class ExtractReport {
    private final List<String> warnings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Damaged> damaged = new ArrayList<>();
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

    /**
     * A file extracted with corrupted data ({@link ExtractOptions#recoverData()}).
     *
     * @param path  the file's path in the image
     * @param error why its data is not good: a SHA-1 mismatch or data that could not be read
     */
    public record Damaged(String path, org.fenestra.wim.WimException error) {
    }

    void damaged(Damaged d) {
        damaged.add(d);
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

    /** Things done differently than stored (renamed names, unsupported attributes). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Entries not extracted, with the reason. */
    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** Files whose data is corrupted, extracted anyway (only with {@link ExtractOptions#recoverData()}). */
    public List<Damaged> damaged() {
        return Collections.unmodifiableList(damaged);
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
