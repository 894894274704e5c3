package org.fenestra.wim.errors;

/**
 * The XML document of the WIM cannot be parsed or does not describe the images.
 *
 * @since 0.1
 */
public class InvalidXmlException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidXmlException(String message) {
        super(message);
    }

    public InvalidXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
