/**
 * The compression API: chunk compressor and decompressor contracts, compression types and the
 * error for corrupt chunks. The codecs (one package each) implement it; {@code codecs} creates them.
 *
 * @since 0.1
 */
package org.fenestra.compress;
