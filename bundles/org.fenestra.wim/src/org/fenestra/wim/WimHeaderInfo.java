package org.fenestra.wim;

import org.fenestra.compress.CompressionType;

/**
 * Header facts of an opened WIM (the first part, for split sets).
 *
 * @param pipable       magic WLPWM (wimlib's pipable format)
 * @param version       0x10D00 or 0xE00
 * @param flags         raw header flags ({@code org.fenestra.wim.internal.format.WimHeader.FLAG_*})
 * @param compression   compression of non-solid resources
 * @param chunkSize     chunk size of non-solid resources as stored in the header
 * @param guid          16 bytes shared by the parts of a split set
 * @param partNumber    1-based part number
 * @param totalParts    number of parts of the set
 * @param imageCount    number of images
 * @param bootIndex     bootable image, 0 for none
 * @param integrity     the WIM has an integrity table
 * @param rpFix         absolute link targets inside the image were stored relative to its root
 * @param readOnly      header flag READONLY
 * @param spanned       header flag SPANNED (a resource may span parts)
 *
 * @since 0.1
 */
public record WimHeaderInfo(boolean pipable, int version, int flags, CompressionType compression, int chunkSize,
        byte[] guid, int partNumber, int totalParts, int imageCount, int bootIndex, boolean integrity, boolean rpFix,
        boolean readOnly, boolean spanned) {
}
