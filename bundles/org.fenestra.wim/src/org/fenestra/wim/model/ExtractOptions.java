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
 * @param recoverData         extract files whose data is corrupted anyway (what could be read,
 *                            the rest zeros) and list them in {@link ExtractReport#damaged()},
 *                            like wimlib's {@code --recover-data}; without it the extraction
 *                            fails at the first corrupted file and leaves none of its bytes
 *
 * @since 0.1
 */
public record ExtractOptions(boolean replaceInvalidNames, boolean rpfix, boolean xattrs, boolean preserveDirStructure,
        boolean recoverData) {

    public ExtractOptions(boolean replaceInvalidNames, boolean rpfix, boolean xattrs, boolean preserveDirStructure) {
        this(replaceInvalidNames, rpfix, xattrs, preserveDirStructure, false);
    }

    /** wimlib-imagex defaults. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(false, true, true, false, false);
    }

    public ExtractOptions withRecoverData(boolean recover) {
        return new ExtractOptions(replaceInvalidNames, rpfix, xattrs, preserveDirStructure, recover);
    }
}
