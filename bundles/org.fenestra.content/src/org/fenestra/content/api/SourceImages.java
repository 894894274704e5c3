package org.fenestra.content.api;

import java.util.List;

import org.fenestra.wim.WimImageInfo;

/**
 * The images inside a source WIM, to choose the index to extract.
 *
 * @param sourcePath the path as given (local or UNC)
 * @param images     the images in index order
 * @param bootIndex  the bootable image's index, 0 for none
 * @since 0.1
 */
public record SourceImages(String sourcePath, List<WimImageInfo> images, int bootIndex) {

    public SourceImages {
        images = List.copyOf(images);
    }
}
