package org.fenestra.multicast.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastException.Reason;
import org.fenestra.multicast.ReceiverResult;
import org.fenestra.multicast.ReceiverSettings;
import org.fenestra.multicast.SessionManifest;
import org.fenestra.multicast.SessionTicket;
import org.fenestra.multicast.TransferProgress;

/**
 * The receiver's state machine (README, "Receiver"): blocks go to where they belong in a
 * {@code .part} file beside the destination ({@link ChunkAssembler}); a chunk counts only once its
 * SHA-256 matches the manifest (else its blocks are asked for again); missing blocks are asked for
 * by NACK, those before the join point only after the sender's first pass; when every chunk is in,
 * the whole file's SHA-256 is checked, DONE reported until acknowledged and the file renamed into place.
 */
public final class ReceiverEngine {

    private static final long ROUND = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int RANGES_PER_NACK = 170;
    private static final int NACKS_PER_ROUND = 4;
    private static final long DONE_WAIT = TimeUnit.SECONDS.toNanos(2);

    private final SessionTicket ticket;
    private final SessionManifest manifest;
    private final ReceiverSettings settings;
    private final PacketCodec codec;
    private final Counters counters = new Counters();
    private final ReplayWindow replay = new ReplayWindow();
    private final ByteBuffer out = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
    private final ByteBuffer outBody = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
    private long counter;
    private SocketAddress sender;
    private int joinPoint = -1;
    private int firstPassNext;
    private boolean ended;
    private boolean dismissed;
    private boolean acknowledged;
    private long firstHeard;
    private long lastHeard;
    private long highestCounter;
    private long counterAtRound;
    private long heardInRound;

    public ReceiverEngine(SessionTicket ticket, ReceiverSettings settings) {
        this.ticket = ticket;
        this.manifest = ticket.manifest();
        this.settings = settings;
        this.codec = new PacketCodec(ticket.sessionId(), ticket.key().orElse(null));
    }

    public ReceiverResult receive(Path destination, TransferProgress progress, BooleanSupplier cancelled)
            throws MulticastException {
        Path part = destination.resolveSibling(destination.getFileName() + ".part");
        boolean kept = false;
        try (DatagramChannel channel = openChannel(); Selector selector = Selector.open();
                FileChannel file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.configureBlocking(false).register(selector, SelectionKey.OP_READ);
            ChunkAssembler chunks = new ChunkAssembler(manifest, file, counters);
            long started = System.nanoTime();
            long nextRound = started;
            long doneSince = 0;
            ByteBuffer packet = ByteBuffer.allocate(PacketCodec.MAX_PACKET + 64);
            ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET + 64);
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new MulticastException(Reason.CANCELLED, "receive cancelled");
                }
                selector.select(10);
                selector.selectedKeys().clear();
                SocketAddress from;
                // bounded, so a fast stream never starves the NACK and status rounds
                for (int n = 0; n < 512 && (from = receiveOne(channel, packet)) != null; n++) {
                    handle(packet, body, from, chunks);
                }
                long now = System.nanoTime();
                boolean complete = chunks.complete();
                if (complete && doneSince == 0) {
                    chunks.verifyWholeFile();
                    doneSince = now;
                }
                if (now >= nextRound && sender != null) {
                    nextRound = now + ROUND;
                    progress.update(chunks.bytesHave(), manifest.fileSize());
                    if (complete) {
                        sendDone(channel, now - firstHeard);
                    } else {
                        sendStatus(channel, chunks.bytesHave());
                        sendNacks(channel, chunks.have());
                    }
                }
                if (complete && (acknowledged || ended || now - doneSince > DONE_WAIT)) {
                    file.force(true);
                    Files.move(part, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    kept = true;
                    return new ReceiverResult(destination, manifest.fileSize(), manifest.offsetOf(Math.max(0, joinPoint)),
                            Duration.ofNanos(doneSince - firstHeard), counters.snapshot());
                }
                if (dismissed && !complete) {
                    throw new MulticastException(Reason.TOO_SLOW, "the sender moved this receiver out of the session:"
                            + " too slow for it (its slow-client policy: a slower stream, or HTTPS from the DP)");
                }
                if (ended) {
                    throw new MulticastException(Reason.SESSION_ENDED, "the sender ended the session with "
                             + chunks.chunksDone() + " of " + manifest.chunkCount() + " chunks received");
                }
                checkTimeout(now, started);
            }
        } catch (IOException e) {
            throw e instanceof MulticastException m ? m
                    : new MulticastException(Reason.IO, "multicast receive failed: " + e.getMessage(), e);
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // the error being thrown says more than this one
                }
            }
        }
    }

    public org.fenestra.multicast.PacketCounters counters() {
        return counters.snapshot();
    }

    private DatagramChannel openChannel() throws IOException {
        NetworkInterface nif = NetworkInterface.getByInetAddress(settings.interfaceAddress());
        if (nif == null) {
            throw new MulticastException(Reason.BAD_SETTINGS,
                    "no local interface has the address " + settings.interfaceAddress().getHostAddress());
        }
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)
                .setOption(StandardSocketOptions.SO_REUSEADDR, true)
                .setOption(StandardSocketOptions.SO_RCVBUF, 32 << 20)
                .bind(new InetSocketAddress(ticket.group().getPort()));
        channel.join(ticket.group().getAddress(), nif);
        return channel;
    }

    private static SocketAddress receiveOne(DatagramChannel channel, ByteBuffer packet) throws IOException {
        packet.clear();
        SocketAddress from = channel.receive(packet);
        packet.flip();
        return from;
    }

    private void handle(ByteBuffer packet, ByteBuffer body, SocketAddress from, ChunkAssembler chunks)
            throws IOException {
        PacketCodec.Verdict verdict = codec.open(packet, body);
        if (verdict == PacketCodec.Verdict.OK && PacketCodec.origin(packet) != 0) {
            verdict = PacketCodec.Verdict.FOREIGN;
        }
        if (verdict != PacketCodec.Verdict.OK) {
            counters.count(verdict);
            return;
        }
        long packetCounter = PacketCodec.counter(packet);
        if (!replay.accept(packetCounter)) {
            counters.replayed.increment();
            return;
        }
        counters.accepted.increment();
        long now = System.nanoTime();
        if (firstHeard == 0) {
            firstHeard = now;
            counterAtRound = packetCounter - 1;
        }
        lastHeard = now;
        highestCounter = Math.max(highestCounter, packetCounter);
        heardInRound++;
        sender = from;
        try {
            switch (PacketCodec.type(packet)) {
                case ANNOUNCE -> onAnnounce(body);
                case DATA -> onData(body, chunks);
                case DONE_ACK -> acknowledged |= body.getInt() == ticket.receiverId();
                case END -> ended = true;
                case DISMISS -> dismissed |= body.getInt() == ticket.receiverId();
                default -> counters.foreign.increment();
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            counters.foreign.increment();
        }
    }

    private void onAnnounce(ByteBuffer body) {
        body.getInt(); // total blocks: the manifest already says
        int next = body.getInt();
        firstPassNext = Math.max(firstPassNext, next);
        if (joinPoint < 0) {
            joinPoint = next; // where the first pass was when we joined: no NACKs before it until it ends
        }
    }

    private void onData(ByteBuffer body, ChunkAssembler chunks) throws IOException {
        int block = body.getInt();
        if (block < 0 || block >= manifest.blockCount() || body.remaining() != manifest.lengthOf(block)) {
            counters.foreign.increment();
            return;
        }
        chunks.put(block, body);
    }

    private void checkTimeout(long now, long started) throws MulticastException {
        long timeout = settings.sessionTimeout().toNanos();
        if (firstHeard == 0 && now - started > settings.joinTimeout().toNanos()) {
            PacketCountersView seen = new PacketCountersView(counters);
            if (seen.unauthenticated() > 0) {
                throw new MulticastException(Reason.KEY_REJECTED, seen.unauthenticated()
                        + " packets arrived on the group but none authenticated with this receiver's session key");
            }
            throw new MulticastException(Reason.NO_SESSION, "no packet of session " + Long.toHexString(ticket.sessionId())
                    + " arrived on " + ticket.group() + " within " + settings.joinTimeout().toSeconds() + " s ("
                    + seen.foreign() + " foreign packets dropped)");
        }
        if (firstHeard != 0 && now - lastHeard > timeout) {
            throw new MulticastException(Reason.SENDER_LOST, "the sender has been silent for "
                    + settings.sessionTimeout().toSeconds() + " s");
        }
    }

    private record PacketCountersView(long unauthenticated, long foreign) {
        PacketCountersView(Counters counters) {
            this(counters.unauthenticated.sum(), counters.foreign.sum());
        }
    }

    private void sendStatus(DatagramChannel channel, long bytesHave) throws IOException {
        long span = highestCounter - counterAtRound;
        int loss = span <= 0 ? 0 : (int) Math.max(0, Math.min(1000, 1000 * (span - heardInRound) / span));
        counterAtRound = highestCounter;
        heardInRound = 0;
        outBody.clear().putLong(bytesHave).putShort((short) loss).flip();
        send(channel, PacketType.STATUS);
    }

    /**
     * Asks for missing blocks: during the first pass only those between our join point and where
     * the sender is (late join gets the rest first), after it every missing block.
     */
    private void sendNacks(DatagramChannel channel, BitSet have) throws IOException {
        int total = manifest.blockCount();
        boolean firstPassDone = firstPassNext >= total;
        int from = firstPassDone ? 0 : Math.max(0, joinPoint);
        int to = firstPassDone ? total : Math.min(total, firstPassNext);
        int block = have.nextClearBit(from);
        for (int p = 0; p < NACKS_PER_ROUND && block < to; p++) {
            outBody.clear().putShort((short) 0);
            int ranges = 0;
            while (ranges < RANGES_PER_NACK && block < to) {
                int end = Math.min(to, have.nextSetBit(block) < 0 ? to : have.nextSetBit(block));
                outBody.putInt(block).putInt(end - block);
                ranges++;
                block = have.nextClearBit(end);
            }
            outBody.putShort(0, (short) ranges).flip();
            send(channel, PacketType.NACK);
        }
    }

    private void sendDone(DatagramChannel channel, long elapsed) throws IOException {
        byte[] detail = "whole-file SHA-256 verified".getBytes(StandardCharsets.UTF_8);
        outBody.clear().put((byte) 0).putLong(manifest.fileSize()).putLong(elapsed).putShort((short) detail.length)
                .put(detail).flip();
        send(channel, PacketType.DONE);
    }

    private void send(DatagramChannel channel, PacketType type) throws IOException {
        codec.seal(type, ticket.receiverId(), ++counter, outBody, out);
        channel.send(out, sender);
    }
}
