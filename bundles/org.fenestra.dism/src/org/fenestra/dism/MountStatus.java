package org.fenestra.dism;

/**
 * The state of a mounted image ({@code DismMountStatus}); {@link #UNKNOWN} for a value this
 * version does not know.
 *
 * @since 0.1
 */
public enum MountStatus {
    OK, NEEDS_REMOUNT, INVALID, UNKNOWN
}
