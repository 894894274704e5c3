package org.fenestra.compress;

/**
 * The compression formats a WIM resource can use.
 *
 * @since 0.1
 */
public enum CompressionType {
    NONE,
    /** XPRESS with Huffman coding (MS-XCA "LZ77+Huffman" as used by WIM). */
    XPRESS,
    /** LZX, WIM variant (no block-level intel header; E8 translation with a fixed 12000000 file size). */
    LZX,
    /** LZMS (MS-WIM / ESD). */
    LZMS
}
