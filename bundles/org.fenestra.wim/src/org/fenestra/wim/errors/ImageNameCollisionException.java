package org.fenestra.wim.errors;

/**
 * An image to add has the name of an image the WIM already holds.
 *
 * @since 0.1
 */
public class ImageNameCollisionException extends WimException {
    private static final long serialVersionUID = 1L;

    public ImageNameCollisionException(String message) {
        super(message);
    }
}
