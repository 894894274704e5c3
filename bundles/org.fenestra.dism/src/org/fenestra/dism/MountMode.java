package org.fenestra.dism;

/**
 * How an image is mounted ({@code DismMountMode}).
 *
 * @since 0.1
 */
public enum MountMode {
    READ_WRITE, READ_ONLY
}
