package org.fenestra.dism;

/**
 * A package's release type ({@code DismReleaseType}), in DISM's numeric order; {@link #UNKNOWN}
 * for a value this version does not know.
 *
 * @since 0.1
 */
public enum ReleaseType {
    CRITICAL_UPDATE, DRIVER, FEATURE_PACK, HOTFIX, SECURITY_UPDATE, SOFTWARE_UPDATE, UPDATE, UPDATE_ROLLUP,
    LANGUAGE_PACK, FOUNDATION, SERVICE_PACK, PRODUCT, LOCAL_PACK, OTHER, UNKNOWN
}
