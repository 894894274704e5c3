package org.fenestra.distribution.api;

/**
 * One DP's validation of an image's content: every stored file hashed again there.
 *
 * @param report the DP's report: each missing or damaged file with what was expected
 * @since 0.1
 */
public record DpValidation(String dpName, boolean valid, String report) {
}
