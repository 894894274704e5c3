package org.fenestra.multicast;

/**
 * What happened to the packets one side received: accepted, and dropped by cause.
 *
 * @param accepted packets that passed every check
 * @param foreign not ours: bad magic, other session, or too short to be a packet
 * @param unauthenticated failed AES-GCM authentication (tampered, or sealed with another key)
 * @param replayed a packet counter already seen (or too old to tell)
 * @param chunksRejected chunks whose SHA-256 did not match the manifest (their blocks asked for again)
 * @since 0.1
 */
public record PacketCounters(long accepted, long foreign, long unauthenticated, long replayed,
        long chunksRejected) {

    public long dropped() {
        return foreign + unauthenticated + replayed;
    }

    @Override
    public String toString() {
        return "accepted=" + accepted + " foreign=" + foreign + " unauthenticated=" + unauthenticated
                + " replayed=" + replayed + " chunksRejected=" + chunksRejected;
    }
}
