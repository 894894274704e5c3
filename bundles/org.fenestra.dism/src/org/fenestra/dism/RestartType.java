package org.fenestra.dism;

/**
 * Whether a package needs a restart ({@code DismRestartType}); {@link #UNKNOWN} for a value this
 * version does not know.
 *
 * @since 0.1
 */
public enum RestartType {
    NO, POSSIBLE, REQUIRED, UNKNOWN
}
