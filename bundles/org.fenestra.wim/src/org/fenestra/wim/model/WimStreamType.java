package org.fenestra.wim.model;

/**
 * What a stream of a file in an image holds, decided from the file's attributes and the
 * stream's position among its streams (as wimlib does).
 *
 * @since 0.1
 */
public enum WimStreamType {
    /** File data: the unnamed data stream or a named (alternate) data stream. */
    DATA,
    /** The reparse data of a reparse point (symbolic link, junction, ...). */
    REPARSE_POINT,
    /** The raw encrypted data of an EFS-encrypted file. */
    EFSRPC_RAW_DATA,
    /** A stream whose role could not be decided; kept but not extracted. */
    UNKNOWN
}
