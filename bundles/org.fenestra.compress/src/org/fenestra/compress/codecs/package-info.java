/**
 * Creates chunk compressors and decompressors for a compression type. The only package that
 * names the codec packages, so the API package does not depend on its implementations.
 *
 * @since 0.1
 */
package org.fenestra.compress.codecs;
