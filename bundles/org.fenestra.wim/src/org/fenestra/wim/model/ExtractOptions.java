package org.fenestra.wim.model;

/**
 * Options of extraction.
 *
 * @param replaceInvalidNames extract names the target cannot hold (containing '/') under a
 *                            replacement name ('?' for each bad character plus
 *                            " (invalid filename #N)") instead of skipping them, like
 *                            wimlib's {@code --include-invalid-names}
 * @param rpfix               rewrite absolute link targets that were stored relative to the
 *                            image root so they point into the target directory (full-image
 *                            extraction of WIMs whose header has RP_FIX, as wimlib)
 * @param xattrs              store named data streams and security descriptors as user
 *                            extended attributes ({@code user.wim.ads.NAME}, {@code user.wim.ntsd})
 * @param preserveDirStructure extract given paths with their parent directories (paths mode)
 *
 * @since 0.1
 */
public record ExtractOptions(boolean replaceInvalidNames, boolean rpfix, boolean xattrs, boolean preserveDirStructure) {

    /** wimlib-imagex defaults. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(false, true, true, false);
    }
}
