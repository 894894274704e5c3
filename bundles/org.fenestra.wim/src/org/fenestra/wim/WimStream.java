package org.fenestra.wim;

import org.fenestra.wim.model.WimStreamType;

/**
 * A stream of a file: its unnamed data, its reparse data, or a named data stream.
 *
 * @param name    stream name, or null for the unnamed stream
 * @param type    what the stream holds
 * @param hash    SHA-1 of the data (all zero for empty data)
 * @param blob    where the data is, or null when empty or missing
 * @param missing the hash is nonzero but no opened part holds the blob
 *
 * @since 0.1
 */
public record WimStream(String name, WimStreamType type, byte[] hash, WimBlobInfo blob, boolean missing) {

    public boolean named() {
        return name != null;
    }

    /** Uncompressed size, 0 for empty or missing data. */
    public long size() {
        return blob == null ? 0 : blob.size();
    }
}
