package org.fenestra.multicast;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A receive that succeeded: the file is complete and hashes to the manifest's SHA-256.
 *
 * @param joinedAt offset in the file the sender's first pass had reached when this receiver
 *        joined (0 unless it joined late)
 *
 * @since 0.1
 */
public record ReceiverResult(Path file, long bytes, long joinedAt, Duration elapsed, PacketCounters counters) {

    /** Goodput in bytes per second, from the first packet heard to the verified file. */
    public double bytesPerSecond() {
        return bytes / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
