/**
 * The typed errors of the cabinet reader, all {@link java.io.IOException}s under
 * {@link org.fenestra.cab.errors.CabException}; each message names the cabinet file.
 *
 * @since 0.1
 */
package org.fenestra.cab.errors;
