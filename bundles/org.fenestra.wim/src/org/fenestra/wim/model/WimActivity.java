package org.fenestra.wim.model;

/**
 * What an operation is doing, reported through {@link WimProgress#activity} so that a user
 * interface can word it (the command line words it as wimlib-imagex does).
 *
 * @since 0.1
 */
public enum WimActivity {
    /** Capture starts reading a source directory; detail: the source path. */
    SCAN,
    /** Capture skips a path its configuration excludes; detail: the path in the image. */
    SCAN_EXCLUDED,
    /** Capture skips a file of a type a WIM cannot hold (socket, device, FIFO); detail: its path. */
    SCAN_UNSUPPORTED,
    /** Capture finished reading its source. */
    SCAN_DONE,
    /**
     * File data is written; work is its uncompressed bytes. Detail: the compression type's name
     * and the number of compressing threads ("LZX 2"), or null when uncompressed.
     */
    WRITE_DATA,
    /**
     * Extraction creates directories and empty files; {@link WimProgress#activityWork} counts them
     * (each directory, and each empty file once, not again for its hard links).
     */
    CREATE_FILES,
    /** File data is extracted; work is its bytes. */
    EXTRACT_DATA,
    /** Extraction sets the metadata of directories last; {@link WimProgress#activityWork} counts them. */
    APPLY_METADATA,
    /** Verify reads an image's metadata; detail: "IMAGE of COUNT". */
    VERIFY_METADATA,
    /** Verify reads and hashes file data; work is its bytes. */
    VERIFY_DATA,
    /** The integrity table of a file is checked; detail: the file name. */
    VERIFY_INTEGRITY,
    /**
     * The integrity table of the file being written is computed; {@link WimProgress#activityWork}
     * counts the bytes hashed of the bytes it covers.
     */
    CALC_INTEGRITY
}
