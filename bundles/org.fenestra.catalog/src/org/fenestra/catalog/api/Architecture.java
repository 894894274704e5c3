package org.fenestra.catalog.api;

/**
 * Processor architecture of an OS image, as the catalog stores it (by {@link #name()}).
 *
 * @since 0.1
 */
public enum Architecture {
    X86,
    X64,
    ARM64
}
