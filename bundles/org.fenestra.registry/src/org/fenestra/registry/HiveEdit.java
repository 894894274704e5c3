package org.fenestra.registry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One transaction on a {@link Hive}: changes are made to a copy and become the hive only by
 * {@link #commit()}, which writes a new file under a temporary name and renames it over the old
 * one (so a failure leaves the old hive as it was). Closing without committing discards them.
 * Paths are {@code \}-separated from the root key and case-insensitive; {@code ""} is the root.
 */
public interface HiveEdit extends AutoCloseable {
    /** Creates the key and any missing keys above it; an existing key is left as it is. */
    void createKey(String path) throws HiveException;

    /** Deletes the key with everything below it; false when there is no such key. */
    boolean deleteKey(String path) throws HiveException;

    boolean keyExists(String path) throws HiveException;

    /** Sets (adds or replaces) a value of an existing key. */
    void setValue(String keyPath, RegistryValue value) throws HiveException;

    /** Deletes a value of an existing key; false when the key has no such value. */
    boolean deleteValue(String keyPath, String valueName) throws HiveException;

    /** Writes the changed hive over the file it was opened from. */
    void commit() throws IOException;

    /** Writes the changed hive to {@code file} (replacing it), which becomes the hive's file. */
    void commitTo(Path file) throws IOException;

    /** Discards uncommitted changes. */
    @Override
    void close();
}
