package org.fenestra.multicast;

import java.time.Duration;
import java.util.List;

/**
 * The end of a session as the sender saw it.
 *
 * @param dataPackets data packets sent, repairs included
 * @param repairPackets of those, the ones sent again because a receiver asked (NACK)
 * @param finalRate the send rate congestion control had reached, bytes per second
 * @since 0.1
 */
public record SenderReport(Duration elapsed, long dataPackets, long repairPackets, long finalRate,
        List<ReceiverOutcome> receivers, PacketCounters counters) {

    public SenderReport {
        receivers = List.copyOf(receivers);
    }
}
