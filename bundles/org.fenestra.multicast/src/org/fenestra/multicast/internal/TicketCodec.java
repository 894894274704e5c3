package org.fenestra.multicast.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.multicast.SessionKey;
import org.fenestra.multicast.SessionManifest;
import org.fenestra.multicast.SessionTicket;

/**
 * A ticket on the key-exchange channel (big-endian): session id u64, group IPv4 (4 bytes), port
 * u16, receiver id u32, file size u64, block size u32, blocks per chunk u32, chunk count u32, the
 * chunk hashes (32 bytes each), the file hash (32), key flag u8 and, when 1, the key (32).
 */
public final class TicketCodec {

    private static final int MAX_CHUNKS = 1 << 24;

    private TicketCodec() {
    }

    public static void write(SessionTicket ticket, DataOutputStream out) throws IOException {
        SessionManifest manifest = ticket.manifest();
        out.writeLong(ticket.sessionId());
        out.write(ticket.group().getAddress().getAddress());
        out.writeShort(ticket.group().getPort());
        out.writeInt(ticket.receiverId());
        out.writeLong(manifest.fileSize());
        out.writeInt(manifest.blockSize());
        out.writeInt(manifest.blocksPerChunk());
        out.writeInt(manifest.chunkCount());
        for (byte[] hash : manifest.chunkHashes()) {
            out.write(hash);
        }
        out.write(manifest.fileHash());
        out.writeBoolean(ticket.key().isPresent());
        if (ticket.key().isPresent()) {
            out.write(ticket.key().get().bytes());
        }
        out.flush();
    }

    public static SessionTicket read(DataInputStream in) throws IOException {
        long sessionId = in.readLong();
        byte[] group = in.readNBytes(4);
        int port = in.readUnsignedShort();
        int receiverId = in.readInt();
        long fileSize = in.readLong();
        int blockSize = in.readInt();
        int blocksPerChunk = in.readInt();
        int chunks = in.readInt();
        if (chunks < 0 || chunks > MAX_CHUNKS) {
            throw new IOException("ticket lists " + chunks + " chunks");
        }
        List<byte[]> hashes = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            hashes.add(readExactly(in, 32));
        }
        byte[] fileHash = readExactly(in, 32);
        Optional<SessionKey> key = in.readBoolean() ? Optional.of(SessionKey.of(readExactly(in, 32))) : Optional.empty();
        try {
            return new SessionTicket(sessionId, new InetSocketAddress(InetAddress.getByAddress(group), port), receiverId,
                    new SessionManifest(fileSize, blockSize, blocksPerChunk, hashes, fileHash), key);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed ticket: " + e.getMessage(), e);
        }
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
