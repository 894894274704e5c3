package org.fenestra.dism;

/**
 * A package's state in an image ({@code DismPackageFeatureState}), in DISM's numeric order;
 * {@link #UNKNOWN} for a value this version does not know.
 *
 * @since 0.1
 */
public enum PackageState {
    NOT_PRESENT, UNINSTALL_PENDING, STAGED,
    /** Also DISM's {@code DismStateRemoved}. */
    RESOLVED,
    INSTALLED, INSTALL_PENDING, SUPERSEDED, PARTIALLY_INSTALLED, UNKNOWN
}
