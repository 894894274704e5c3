package org.fenestra.catalog.api;

/**
 * No OS upgrade package has the ID.
 *
 * @since 0.1
 */
public class UpgradePackageNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final String packageId;

    public UpgradePackageNotFoundException(String packageId) {
        super("No OS upgrade package with ID " + packageId + " in the catalog");
        this.packageId = packageId;
    }

    /** The ID that was not found. */
    public String packageId() {
        return packageId;
    }
}
