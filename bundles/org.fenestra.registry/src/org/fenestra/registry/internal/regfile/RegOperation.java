package org.fenestra.registry.internal.regfile;

import org.fenestra.registry.RegistryValue;

/** One step of a {@code .reg} file, with the line it came from. */
public sealed interface RegOperation {
    int line();

    /** {@code [path]}: the key is created when missing; the values below it go there. */
    record CreateKey(String path, int line) implements RegOperation {
    }

    /** {@code [-path]}: the key and everything below it are deleted. */
    record DeleteKey(String path, int line) implements RegOperation {
    }

    /** {@code "name"=data} or {@code @=data}. */
    record SetValue(String path, RegistryValue value, int line) implements RegOperation {
    }

    /** {@code "name"=-} or {@code @=-}. */
    record DeleteValue(String path, String name, int line) implements RegOperation {
    }
}
