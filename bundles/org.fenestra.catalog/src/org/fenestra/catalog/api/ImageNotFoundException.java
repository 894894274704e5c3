package org.fenestra.catalog.api;

/**
 * No OS image has the ID.
 *
 * @since 0.1
 */
public class ImageNotFoundException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final String imageId;

    public ImageNotFoundException(String imageId) {
        super("No OS image with ID " + imageId + " in the catalog");
        this.imageId = imageId;
    }

    /** The ID that was not found. */
    public String imageId() {
        return imageId;
    }
}
