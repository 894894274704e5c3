package org.fenestra.multicast;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.fenestra.multicast.internal.SenderEngine;

/**
 * Sends one file to a multicast group, reliably, to every receiver admitted with
 * {@link #issueTicket()} (a DP hands tickets out through a {@link SessionKeyExchange} server).
 * Late joiners are admitted while the session runs. {@link #run} returns when every admitted
 * receiver has verified the file, failed, or gone silent past its timeout.
 *
 * @since 0.1
 */
public final class MulticastSender implements AutoCloseable {

    private final SenderEngine engine;

    private MulticastSender(SenderEngine engine) {
        this.engine = engine;
    }

    /**
     * Opens a session for {@code file} (described by {@code manifest}); {@code encrypt} makes a
     * fresh AES-256 session key.
     */
    public static MulticastSender open(SenderSettings settings, Path file, SessionManifest manifest, boolean encrypt)
            throws MulticastException {
        return new MulticastSender(new SenderEngine(settings, file, manifest, encrypt ? SessionKey.generate() : null));
    }

    /** Admits one receiver: its ticket (id, manifest, key) to give it over the authenticated channel. */
    public SessionTicket issueTicket() {
        return engine.issueTicket();
    }

    /** Receivers admitted so far. */
    public int admitted() {
        return engine.admitted();
    }

    /** Per-receiver state now (progress for a sessions view). */
    public List<ReceiverOutcome> receivers() {
        return engine.outcomes();
    }

    /**
     * Uses time spent waiting for receivers to get the packet sealing compiled: a fresh JVM runs
     * AES-GCM some 100,000 packets slower than a warm one until the JIT has compiled it into its
     * intrinsics, and the first pass would pay for that. Seals throw-away packets under a
     * throw-away key (never sent; the session's key and counters are untouched) on the calling
     * thread until {@code stop} says so or the warm-up is done (~150,000 packets). Optional.
     */
    public void warmUp(BooleanSupplier stop) {
        engine.warmUp(stop);
    }

    /** Runs the session to its end on the calling thread; {@code cancelled} is polled often. */
    public SenderReport run(TransferProgress progress, BooleanSupplier cancelled) throws MulticastException {
        return engine.run(progress, cancelled);
    }

    @Override
    public void close() {
        engine.close();
    }
}
