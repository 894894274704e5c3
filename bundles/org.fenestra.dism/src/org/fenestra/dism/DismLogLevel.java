package org.fenestra.dism;

/**
 * How much DISM writes to its own log ({@code DismLogLevel}).
 *
 * @since 0.1
 */
public enum DismLogLevel {
    ERRORS, ERRORS_WARNINGS, ERRORS_WARNINGS_INFO
}
