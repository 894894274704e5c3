package org.fenestra.dism;

/**
 * The host's DISM is older than the Windows release in the image: servicing it with that DISM
 * is a known way to corrupt the image, so it is refused. Names both versions.
 *
 * @since 0.1
 */
public class DismVersionTooOldException extends DismException {

    private static final long serialVersionUID = 1L;

    private final WindowsVersion hostDism;
    private final WindowsVersion image;

    public DismVersionTooOldException(WindowsVersion hostDism, WindowsVersion image) {
        super("The host's DISM " + hostDism + " is older than the image's Windows " + image
                + ": servicing an image with an older DISM can corrupt it. Install the Windows ADK for "
                + image.major() + "." + image.minor() + "." + image.build()
                + " or newer and point fenestra.dism.path at its DISM folder");
        this.hostDism = hostDism;
        this.image = image;
    }

    public WindowsVersion hostDism() {
        return hostDism;
    }

    public WindowsVersion image() {
        return image;
    }
}
