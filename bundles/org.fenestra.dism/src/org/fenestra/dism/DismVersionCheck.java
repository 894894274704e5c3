package org.fenestra.dism;

/**
 * Refuses to service an image whose Windows is newer than the host's DISM. Releases are compared
 * (major.minor.build): DISM of a release services every cumulative update level of that release
 * (the image's own servicing stack does the rest), while a DISM of an older release does not know
 * the image's component store and can leave it corrupt.
 *
 * @since 0.1
 */
public final class DismVersionCheck {

    private DismVersionCheck() {
    }

    /**
     * @param hostDism the version of the DismApi.dll in use ({@link DismHost#version()})
     * @param image the image's Windows version ({@link ImageInfo#version()})
     * @throws DismVersionTooOldException when the host's DISM is of an older release than the image
     */
    public static void requireHostNotOlder(WindowsVersion hostDism, WindowsVersion image)
            throws DismVersionTooOldException {
        if (hostDism.release().compareTo(image.release()) < 0) {
            throw new DismVersionTooOldException(hostDism, image);
        }
    }
}
