package org.fenestra.multicast;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A receive that succeeded: the file is complete and hashes to the manifest's SHA-256.
 *
 * @since 0.1
 */
public record ReceiverResult(Path file, long bytes, Duration elapsed, PacketCounters counters) {

    /** Goodput in bytes per second, from the first packet heard to the verified file. */
    public double bytesPerSecond() {
        return bytes / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
