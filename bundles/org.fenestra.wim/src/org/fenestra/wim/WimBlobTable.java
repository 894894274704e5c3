package org.fenestra.wim;

import java.util.List;

/**
 * The blob table of one WIM file (one part of a split set), as stored.
 *
 * @param metadata     the images' metadata resources, image 1 first
 * @param data         the file data blobs, in table order (duplicate and empty entries left out,
 *                     as readers ignore them)
 * @param entryCount   the number of entries stored, those left out included
 * @since 0.1
 */
public record WimBlobTable(List<WimBlobInfo> metadata, List<WimBlobInfo> data, int entryCount) {

    public WimBlobTable {
        metadata = List.copyOf(metadata);
        data = List.copyOf(data);
    }
}
