/**
 * Reading Microsoft cabinet (MS-CAB) files: {@link org.fenestra.cab.Cabinet} lists and extracts
 * the entries of uncompressed, MSZIP and LZX folders. Plain Java, no OSGi API.
 *
 * @since 0.1
 */
package org.fenestra.cab;
