package org.fenestra.updates.api;

/**
 * What kind of package a file is, which decides who can apply it.
 *
 * @since 0.1
 */
public enum PackageType {
    /** A component-based servicing cabinet: {@code update.mum} and its manifests and files. */
    CBS,
    /** A Microsoft Update standalone package: a cabinet holding CBS payload cabinets. */
    MSU,
    /** A cumulative update whose payload is a WIM plus a PSF delta file (newer MSUs), or a PSFX CBS package. */
    PSFX,
    /** A Fenestra package ({@code .fpkg}): file and registry operations the portable servicer applies. */
    FENESTRA,
    /** A file in an update source whose layout is not one of the above; {@link UpdatePackage#diagnostic()} says why. */
    UNKNOWN
}
