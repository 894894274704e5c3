package org.fenestra.multicast.internal;

import java.util.concurrent.atomic.LongAdder;

import org.fenestra.multicast.PacketCounters;

/** The live counts behind {@link PacketCounters}, safe to bump from any thread. */
final class Counters {

    final LongAdder accepted = new LongAdder();
    final LongAdder foreign = new LongAdder();
    final LongAdder unauthenticated = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder chunksRejected = new LongAdder();

    void count(PacketCodec.Verdict verdict) {
        switch (verdict) {
            case OK -> accepted.increment();
            case FOREIGN -> foreign.increment();
            case UNAUTHENTICATED -> unauthenticated.increment();
        }
    }

    PacketCounters snapshot() {
        return new PacketCounters(accepted.sum(), foreign.sum(), unauthenticated.sum(), replayed.sum(),
                chunksRejected.sum());
    }
}
