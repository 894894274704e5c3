package org.fenestra.dism;

/**
 * What unmounting does with the changes made in the mounted image.
 *
 * @since 0.1
 */
public enum UnmountMode {
    /** Write the changes into the WIM ({@code DISM_COMMIT_IMAGE}). */
    COMMIT,
    /** Drop the changes ({@code DISM_DISCARD_IMAGE}). */
    DISCARD
}
