package org.fenestra.multicast.internal;

/** The packet types of the protocol (the README's table); the byte is the header's type field. */
public enum PacketType {
    /** Sender to group: the session is alive; how far the first pass is; the current rate. */
    ANNOUNCE(1),
    /** Sender to group: one block of the file. */
    DATA(2),
    /** Receiver to sender: ranges of blocks it is missing. */
    NACK(3),
    /** Receiver to sender: progress and recent loss (also its join). */
    STATUS(4),
    /** Receiver to sender: the final result. */
    DONE(5),
    /** Sender to one receiver: its result is recorded. */
    DONE_ACK(6),
    /** Sender to group: the session is over. */
    END(7),
    /** Sender to one receiver: disconnected by the slow-receiver policy. */
    DISMISS(8);

    final byte code;

    PacketType(int code) {
        this.code = (byte) code;
    }

    static PacketType of(byte code) {
        for (PacketType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
