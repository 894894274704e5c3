package org.fenestra.catalog.api;

/**
 * The catalog could not do what was asked; the message names the operation and the cause.
 * Whatever the operation wrote has been rolled back.
 *
 * @since 0.1
 */
public class CatalogException extends Exception {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
