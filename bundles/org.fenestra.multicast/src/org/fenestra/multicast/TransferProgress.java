package org.fenestra.multicast;

/**
 * Told how far a transfer is, from the transfer's own thread (keep it quick).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TransferProgress {

    TransferProgress NONE = (done, total) -> { };

    void update(long bytesDone, long bytesTotal);
}
