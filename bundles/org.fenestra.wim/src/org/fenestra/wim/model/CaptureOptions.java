package org.fenestra.wim.model;

/**
 * What a captured image is called and which files it takes.
 *
 * @param name        image name (NAME), or null
 * @param description DESCRIPTION, or null
 * @param flags       FLAGS (e.g. an edition id), or null
 * @param rpfix       rewrite absolute symbolic links that point into the captured tree
 *                    relative to its root (wimlib's default; {@code --norpfix} turns it off)
 * @param config      exclusions
 *
 * @since 0.1
 */
public record CaptureOptions(String name, String description, String flags, boolean rpfix, CaptureConfig config) {

    public static CaptureOptions named(String name) {
        return new CaptureOptions(name, null, null, true, CaptureConfig.NONE);
    }
}
