package org.fenestra.wim;

import java.io.IOException;
import java.util.List;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.WimFormatException;

/**
 * Receives the data of blobs from {@link WimImage#readBlobs}: for each blob {@link #begin},
 * its bytes in order through {@link #data}, then {@link #end}. Blobs arrive in file order, not
 * in the order they were asked for. Each blob's data is checked against its SHA-1 as it streams:
 * {@link #end} confirms it, {@link #corrupted} reports a mismatch.
 *
 * @since 0.1
 */
public interface BlobDataSink {

    void begin(WimBlob blob) throws IOException;

    void data(WimBlob blob, byte[] b, int off, int len) throws IOException;

    void end(WimBlob blob) throws IOException;

    /**
     * A resource could not be read; {@code affected} lists its blobs not yet ended. Return
     * normally to continue with the next resource, or throw to stop.
     */
    default void failed(List<WimBlob> affected, WimFormatException error) throws IOException {
        throw error;
    }

    /**
     * All of {@code blob}'s data was delivered but does not hash to its SHA-1: {@link #end} is
     * not called for it, and the data received must not be taken as the blob's. Return normally
     * to continue with the next blob, or throw to stop.
     */
    default void corrupted(WimBlob blob, BlobHashMismatchException error) throws IOException {
        throw error;
    }
}
