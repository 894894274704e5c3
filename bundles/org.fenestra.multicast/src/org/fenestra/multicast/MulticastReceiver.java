package org.fenestra.multicast;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.fenestra.multicast.internal.ReceiverEngine;

/**
 * Receives one session's file into {@code destination}: it appears there only complete and
 * verified (every chunk and the whole file against the ticket's manifest); on failure nothing is
 * left behind.
 *
 * @since 0.1
 */
public final class MulticastReceiver {

    private MulticastReceiver() {
    }

    public static ReceiverResult receive(SessionTicket ticket, Path destination, ReceiverSettings settings,
            TransferProgress progress, BooleanSupplier cancelled) throws MulticastException {
        return new ReceiverEngine(ticket, settings).receive(destination, progress, cancelled);
    }
}
