package org.fenestra.catalog.api;

/**
 * Another OS image already has the name, ignoring case.
 *
 * @since 0.1
 */
public class DuplicateImageNameException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public DuplicateImageNameException(String name, String existingImageId) {
        super(existingImageId == null
                ? "An OS image named '" + name + "' already exists (names are compared ignoring case)"
                : "An OS image named '" + name + "' already exists: " + existingImageId
                        + " (names are compared ignoring case)");
        this.name = name;
    }

    /** The name that was refused. */
    public String name() {
        return name;
    }
}
