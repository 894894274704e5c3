package org.fenestra.dism;

/**
 * An image DISM has mounted ({@code DismGetMountedImageInfo}).
 *
 * @since 0.1
 */
public record MountedImage(String mountPath, String imageFilePath, int imageIndex, MountMode mountMode,
        MountStatus status) {
}
