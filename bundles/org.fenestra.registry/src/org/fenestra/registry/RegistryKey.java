package org.fenestra.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A key of a hive as it was when the view was taken (a view of a {@link Hive} does not change
 * when the hive is edited later). Names compare case-insensitively, as in Windows.
 */
public interface RegistryKey {
    /** The key's name (the root key's name is whatever the hive's creator gave it). */
    String name();

    /** Path from the root, names separated by {@code \}; {@code ""} for the root. */
    String path();

    Optional<RegistryKey> parent();

    /** When the key was last written (NT FILETIME precision). */
    Instant lastWritten();

    /** The key's class name, when it has one. */
    Optional<String> className();

    /** The key's security descriptor (self-relative), when it has one. */
    Optional<byte[]> securityDescriptor();

    /** The subkeys in the hive's order (sorted by upper-cased name, as Windows keeps them). */
    List<RegistryKey> subkeys();

    Optional<RegistryKey> subkey(String name);

    /** A key below this one by a {@code \}-separated relative path ({@code ""}: this key). */
    Optional<RegistryKey> find(String relativePath);

    /** The values in the hive's order. */
    List<RegistryValue> values();

    /** The value of that name ({@code ""}: the default value). */
    Optional<RegistryValue> value(String name);
}
