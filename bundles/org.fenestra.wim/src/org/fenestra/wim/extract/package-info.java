/**
 * Extraction of an image to a directory ({@link org.fenestra.wim.extract.WimExtractor}). It reads
 * images through the {@code org.fenestra.wim} façade only, so it is a layer above it.
 *
 * @since 0.1
 */
package org.fenestra.wim.extract;
