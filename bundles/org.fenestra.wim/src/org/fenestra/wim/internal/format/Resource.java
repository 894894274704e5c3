package org.fenestra.wim.internal.format;

import org.fenestra.compress.CompressionType;

/**
 * A resource: a run of bytes in one WIM file holding one blob (non-solid) or many blobs
 * (solid), stored raw or as independently compressed chunks.
 *
 * @param source           the file (part) that holds the resource
 * @param header           the resource header as stored
 * @param uncompressedSize bytes after decompression (for solid resources, from the solid header)
 * @param compression      how chunks are compressed; NONE when stored raw
 * @param chunkSize        uncompressed bytes per chunk (the last may be shorter); 0 when raw
 * @param solid            chunk table in the solid ("alternate") layout, see {@link SolidResourceHeader}
 * @param pipable          pipable layout: chunk table after the chunks, a 4-byte header before each chunk
 */
public record Resource(WimSource source, ResourceHeader header, long uncompressedSize, CompressionType compression,
        int chunkSize, boolean solid, boolean pipable) {

    public long offset() {
        return header.offsetInWim();
    }

    public long sizeInWim() {
        return header.sizeInWim();
    }

    public boolean chunked() {
        return compression != CompressionType.NONE;
    }

    /** A short description used in error messages. */
    public String describe() {
        return (solid ? "solid resource" : "resource") + " at offset 0x" + Long.toHexString(offset()) + " ("
                + sizeInWim() + " bytes in file, " + uncompressedSize + " uncompressed, " + compression + ")";
    }

    /** The resource header of a non-solid resource, interpreted with the WIM header's compression. */
    public static Resource nonSolid(WimSource source, WimHeader wim, ResourceHeader h) {
        boolean compressed = h.has(ResourceHeader.FLAG_COMPRESSED) && wim.compressionType() != CompressionType.NONE;
        return new Resource(source, h, h.uncompressedSize(), compressed ? wim.compressionType() : CompressionType.NONE,
                compressed ? wim.chunkSize() : 0, false, wim.pipable());
    }
}
