package org.fenestra.multicast.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastException.Reason;
import org.fenestra.multicast.ReceiverOutcome;
import org.fenestra.multicast.ReceiverOutcome.State;
import org.fenestra.multicast.SenderReport;
import org.fenestra.multicast.SenderSettings;
import org.fenestra.multicast.SessionKey;
import org.fenestra.multicast.SessionManifest;
import org.fenestra.multicast.SessionTicket;
import org.fenestra.multicast.TransferProgress;

/**
 * The sender's state machine (README, "Sender"): one thread sends (first pass in order, repairs
 * asked for by NACKs before new data, an ANNOUNCE every tick), one thread hears the receivers
 * (NACK, STATUS, DONE). The session ends when the first pass is done, no repair is pending and
 * every admitted receiver has a final state, so a dead receiver costs at most its timeout.
 */
public final class SenderEngine implements AutoCloseable {

    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(100);
    /** A block repaired this recently is not repaired again: the repair may still be in flight. */
    private static final int REPAIR_HOLDOFF_MILLIS = 40;
    /** Median loss above this slows the sender down, below {@link #LOSS_LOW} lets it speed up. */
    private static final int LOSS_HIGH_PERMILLE = 50;
    private static final int LOSS_LOW_PERMILLE = 10;
    private static final long MIN_RATE = 1_000_000;
    /** Where the rate starts; it grows 10% a tick while the median receiver loses (almost) nothing. */
    private static final long START_RATE = 40_000_000;
    private static final long MAX_BURST = TimeUnit.MILLISECONDS.toNanos(10);
    /** A receiver's rate is judged only after this long: start-up and the first losses pass. */
    private static final long SLOW_GRACE = TimeUnit.SECONDS.toNanos(5);
    /**
     * How long a receiver is heard before it is compared with the others ("split into streams"):
     * shorter than {@link #SLOW_GRACE}, since while it stays its repairs take the others' share.
     */
    private static final long STREAM_GRACE = TimeUnit.SECONDS.toNanos(3);
    /**
     * "Split into streams": while the first pass runs, at most one repair per this many first-pass
     * blocks (10% of the packets). A receiver that cannot keep up (a slow link) asks for nearly
     * every block again, and unbounded repairs would stall the first pass for everyone until it
     * moves to a slower stream; the rest is repaired after the pass.
     */
    private static final int FIRST_PASS_BLOCKS_PER_REPAIR = 9;
    /** Packets {@link #warmUp} seals: past where the JIT has AES-GCM in its intrinsics (measured ~125,000). */
    private static final int WARM_UP_PACKETS = 150_000;


    private final SenderSettings settings;
    private final SessionManifest manifest;
    private final SessionKey key;
    private final long sessionId = new SecureRandom().nextLong() & Long.MAX_VALUE;
    private final FileChannel file;
    private final DatagramChannel channel;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger nextReceiverId = new AtomicInteger(1);
    private final Map<Integer, ReceiverRecord> receivers = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private final BitSet pending = new BitSet();
    private final int[] lastSentMillis;
    private long started = System.nanoTime();
    private int repairCursor;
    private volatile long rate;
    private long dataPackets;
    private long repairPackets;

    public SenderEngine(SenderSettings settings, Path source, SessionManifest manifest, SessionKey key)
            throws MulticastException {
        this.settings = settings;
        this.manifest = manifest;
        this.key = key;
        this.rate = Math.min(settings.maxRateBytesPerSecond(), START_RATE);
        this.lastSentMillis = new int[manifest.blockCount()];
        java.util.Arrays.fill(lastSentMillis, Integer.MIN_VALUE / 2);
        try {
            this.file = FileChannel.open(source, StandardOpenOption.READ);
            if (file.size() != manifest.fileSize()) {
                file.close();
                throw new MulticastException(Reason.BAD_SETTINGS,
                        source + " has " + file.size() + " bytes, the manifest " + manifest.fileSize());
            }
        } catch (IOException e) {
            throw e instanceof MulticastException m ? m
                    : new MulticastException(Reason.IO, "cannot open " + source + ": " + e.getMessage(), e);
        }
        try {
            NetworkInterface nif = NetworkInterface.getByInetAddress(settings.interfaceAddress());
            if (nif == null) {
                throw new MulticastException(Reason.BAD_SETTINGS,
                        "no local interface has the address " + settings.interfaceAddress().getHostAddress());
            }
            channel = DatagramChannel.open(StandardProtocolFamily.INET)
                    .setOption(StandardSocketOptions.IP_MULTICAST_IF, nif)
                    .setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1)
                    .setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false)
                    .setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20)
                    .setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20)
                    .bind(new InetSocketAddress(settings.interfaceAddress(), 0));
        } catch (IOException e) {
            closeQuietly();
            throw e instanceof MulticastException m ? m
                    : new MulticastException(Reason.IO, "cannot open the multicast socket: " + e.getMessage(), e);
        }
    }

    /** Admits one more receiver: a fresh id, registered so the session waits for its report. */
    public SessionTicket issueTicket() {
        int id = nextReceiverId.getAndIncrement();
        receivers.put(id, new ReceiverRecord(id, System.nanoTime()));
        return new SessionTicket(sessionId, settings.group(), id, manifest, java.util.Optional.ofNullable(key));
    }

    public int admitted() {
        return receivers.size();
    }

    public List<ReceiverOutcome> outcomes() {
        List<ReceiverOutcome> list = new ArrayList<>();
        receivers.values().forEach(r -> list.add(r.outcome()));
        list.sort((a, b) -> Integer.compare(a.receiverId(), b.receiverId()));
        return list;
    }

    /** See {@code MulticastSender.warmUp}: only an unsent codec of its own, with a key of its own. */
    public void warmUp(BooleanSupplier stop) {
        if (key == null) {
            return; // plain sessions have no cipher to compile
        }
        PacketCodec scratch = new PacketCodec(~sessionId, SessionKey.generate());
        ByteBuffer body = ByteBuffer.allocate(manifest.blockSize() + 4);
        ByteBuffer packet = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        for (int i = 1; i <= WARM_UP_PACKETS && !stop.getAsBoolean(); i++) {
            body.clear().limit(body.capacity());
            scratch.seal(PacketType.DATA, 0, i, body, packet);
        }
    }

    public SenderReport run(TransferProgress progress, BooleanSupplier cancelled) throws MulticastException {
        started = System.nanoTime();
        Thread listener = Thread.ofPlatform().name("fenestra-multicast-control").daemon().start(this::hearReceivers);
        PacketCodec codec = new PacketCodec(sessionId, key);
        ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        ByteBuffer packet = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        int total = manifest.blockCount();
        int firstPassNext = 0;
        long repairsDuringFirstPass = 0;
        ReadAhead readAhead = new ReadAhead();
        long nextTick = 0;
        long nextSend = System.nanoTime();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    sendEnd(codec, body, packet, 1);
                    throw new MulticastException(Reason.CANCELLED, "multicast session cancelled");
                }
                long now = System.nanoTime();
                if (now >= nextTick) {
                    nextTick = now + TICK;
                    expireReceivers(now);
                    dismissSlowReceivers(now, codec, body, packet);
                    adjustRate(now);
                    body.clear().putInt(total).putInt(firstPassNext).putLong(rate).flip();
                    send(codec, PacketType.ANNOUNCE, body, packet, settings.group());
                    progress.update(Math.min(manifest.fileSize(), manifest.offsetOf(firstPassNext)),
                            manifest.fileSize());
                    // every admitted receiver settled: nobody listens, so the rest of the pass would
                    // only flood the links (a dropped receiver's HTTPS fallback shares its link)
                    if (allSettled() && (!receivers.isEmpty() || firstPassNext == total && !repairPending())) {
                        break;
                    }
                }
                boolean repairAllowed = firstPassNext >= total || settings.slowerStreamBelow() == 0
                        || repairsDuringFirstPass * FIRST_PASS_BLOCKS_PER_REPAIR <= firstPassNext;
                int block = repairAllowed ? nextRepair() : -1;
                boolean repair = block >= 0;
                if (repair && firstPassNext < total) {
                    repairsDuringFirstPass++;
                }
                if (!repair && firstPassNext < total) {
                    block = firstPassNext++;
                }
                if (block < 0) {
                    LockSupport.parkNanos(500_000);
                    continue;
                }
                nextSend = pace(nextSend, manifest.lengthOf(block) + PacketCodec.HEADER + 4);
                body.clear().putInt(block);
                body.limit(4 + manifest.lengthOf(block));
                if (repair) {
                    readFully(block, body);
                } else {
                    readAhead.copy(block, body);
                }
                body.flip();
                send(codec, PacketType.DATA, body, packet, settings.group());
                lastSentMillis[block] = millisSinceStart();
                dataPackets++;
                if (repair) {
                    repairPackets++;
                }
            }
            sendEnd(codec, body, packet, 0);
            return new SenderReport(Duration.ofNanos(System.nanoTime() - started), dataPackets, repairPackets, rate,
                    outcomes(), counters.snapshot());
        } catch (IOException e) {
            throw e instanceof MulticastException m ? m
                    : new MulticastException(Reason.IO, "multicast send failed: " + e.getMessage(), e);
        } finally {
            closeQuietly();
            try {
                listener.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until the rate allows {@code bytes} more. A thread that overslept (a busy machine) may
     * catch up by at most {@link #MAX_BURST} nanoseconds of sending, so bursts stay short.
     */
    private long pace(long nextSend, int bytes) {
        long now = System.nanoTime();
        if (nextSend < now - MAX_BURST) {
            nextSend = now - MAX_BURST;
        }
        if (nextSend > now + 50_000) {
            LockSupport.parkNanos(nextSend - now);
        }
        return nextSend + bytes * 1_000_000_000L / rate;
    }

    /**
     * The first pass reads the file a chunk at a time (one read instead of one per block: the
     * sender's cost per packet is what bounds it on a busy machine).
     */
    private final class ReadAhead {
        private final ByteBuffer chunk = ByteBuffer.allocate(manifest.blockSize() * manifest.blocksPerChunk());
        private int loaded = -1;

        void copy(int block, ByteBuffer body) throws IOException {
            int index = manifest.chunkOf(block);
            if (index != loaded) {
                long offset = manifest.offsetOf(manifest.firstBlockOf(index));
                chunk.clear().limit((int) Math.min(chunk.capacity(), manifest.fileSize() - offset));
                while (chunk.hasRemaining()) {
                    if (file.read(chunk, offset + chunk.position()) < 0) {
                        throw new MulticastException(Reason.IO, "the source file shrank during the session");
                    }
                }
                loaded = index;
            }
            int start = (block - manifest.firstBlockOf(index)) * manifest.blockSize();
            body.put(body.position(), chunk, start, body.remaining());
            body.position(body.limit());
        }
    }

    private void readFully(int block, ByteBuffer body) throws IOException {
        long offset = manifest.offsetOf(block);
        while (body.hasRemaining()) {
            int n = file.read(body, offset + body.position() - 4);
            if (n < 0) {
                throw new MulticastException(Reason.IO, "the source file shrank during the session");
            }
        }
    }

    private void send(PacketCodec codec, PacketType type, ByteBuffer body, ByteBuffer packet, SocketAddress to)
            throws IOException {
        codec.seal(type, 0, counter.incrementAndGet(), body, packet);
        channel.send(packet, to);
    }

    private void sendEnd(PacketCodec codec, ByteBuffer body, ByteBuffer packet, int reason) throws IOException {
        for (int i = 0; i < 3; i++) {
            body.clear().put((byte) reason).flip();
            send(codec, PacketType.END, body, packet, settings.group());
            LockSupport.parkNanos(20_000_000);
        }
    }

    private int nextRepair() {
        synchronized (pending) {
            int block = pending.nextSetBit(repairCursor);
            if (block < 0) {
                block = pending.nextSetBit(0);
            }
            if (block >= 0) {
                pending.clear(block);
                repairCursor = block + 1;
            }
            return block;
        }
    }

    private boolean repairPending() {
        synchronized (pending) {
            return !pending.isEmpty();
        }
    }

    private boolean allSettled() {
        return receivers.values().stream().allMatch(ReceiverRecord::settled);
    }

    private void expireReceivers(long now) {
        long receiverTimeout = settings.receiverTimeout().toNanos();
        long joinTimeout = settings.joinTimeout().toNanos();
        receivers.values().forEach(r -> r.expire(now, receiverTimeout, joinTimeout));
    }

    /**
     * Slow-receiver policies, once a tick, for receivers heard for at least {@link #SLOW_GRACE}
     * ({@link #STREAM_GRACE} for the streams policy alone):
     * "disconnect" dismisses one whose goodput since is below the minimum rate; "split into
     * streams" one whose goodput is below a fraction of the other active receivers' median (it takes
     * a slower stream). A dismissed receiver is told so (DISMISS, unicast) and no longer waited for.
     */
    private void dismissSlowReceivers(long now, PacketCodec codec, ByteBuffer body, ByteBuffer packet)
            throws IOException {
        long minimum = settings.minReceiverRate();
        double fraction = settings.slowerStreamBelow();
        if (minimum <= 0 && fraction <= 0) {
            return;
        }
        Map<ReceiverRecord, Double> rates = new java.util.HashMap<>();
        for (ReceiverRecord r : receivers.values()) {
            synchronized (r) {
                long grace = minimum > 0 ? SLOW_GRACE : STREAM_GRACE;
                if (r.state == State.ACTIVE && r.firstHeard != 0 && now - r.firstHeard >= grace) {
                    rates.put(r, r.bytes / ((now - r.firstHeard) / 1e9));
                }
            }
        }
        for (Map.Entry<ReceiverRecord, Double> entry : rates.entrySet()) {
            ReceiverRecord r = entry.getKey();
            double rate = entry.getValue();
            String why = null;
            if (minimum > 0 && rate < minimum) {
                why = String.format(java.util.Locale.ROOT, "%.1f MB/s is below the minimum %.1f MB/s", rate / 1e6,
                        minimum / 1e6);
            } else if (fraction > 0 && rates.size() >= 3) {
                // judged against at least two others: with one, which of two is "slow" is a guess
                // (a receiver's JVM that started late or is starved looks slow for seconds)
                double others = medianOfOthers(rates, r);
                if (rate < fraction * others) {
                    why = String.format(java.util.Locale.ROOT, "%.1f MB/s is below %.0f%% of the others' %.1f MB/s: "
                            + "a slower stream", rate / 1e6, fraction * 100, others / 1e6);
                }
            }
            if (why == null) {
                continue;
            }
            SocketAddress to;
            synchronized (r) {
                if (r.state != State.ACTIVE) {
                    continue;
                }
                r.state = State.DISCONNECTED;
                r.detail = why;
                to = r.socketAddress;
            }
            for (int i = 0; i < 3; i++) {
                body.clear().putInt(r.id).flip();
                send(codec, PacketType.DISMISS, body, packet, to);
            }
        }
    }

    /**
     * The median goodput of the receivers other than {@code except}, the lower one of an even
     * count: with one fast and one slow other, a receiver is compared with the slow one, so only a
     * receiver slower than most is moved on (a JVM that started late is not).
     */
    private static double medianOfOthers(Map<ReceiverRecord, Double> rates, ReceiverRecord except) {
        List<Double> others = new ArrayList<>();
        rates.forEach((r, rate) -> {
            if (r != except) {
                others.add(rate);
            }
        });
        others.sort(null);
        return others.get((others.size() - 1) / 2);
    }

    /**
     * Congestion control, once a tick: the lower median of the recent loss the active receivers
     * report decides, so one slow or lossy receiver does not set everybody's pace (its repairs
     * come from NACKs) while loss most receivers see slows the sender: -25% above 5% loss, +10%
     * (+1 MB/s) below 1%, up to the configured maximum.
     */
    private void adjustRate(long now) {
        List<Integer> losses = new ArrayList<>();
        for (ReceiverRecord r : receivers.values()) {
            synchronized (r) {
                if (r.state == State.ACTIVE && r.lastHeard != 0 && now - r.lastHeard < 5 * TICK) {
                    losses.add(r.lossPermille);
                }
            }
        }
        if (losses.isEmpty()) {
            return;
        }
        losses.sort(null);
        int median = losses.get((losses.size() - 1) / 2);
        long max = settings.maxRateBytesPerSecond();
        if (median > LOSS_HIGH_PERMILLE) {
            rate = Math.max(MIN_RATE, rate * 3 / 4);
        } else if (median < LOSS_LOW_PERMILLE) {
            rate = Math.min(max, rate + rate / 10 + MIN_RATE);
        }
    }

    private int millisSinceStart() {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }

    /** The control thread: NACK, STATUS and DONE from receivers, until the channel closes. */
    private void hearReceivers() {
        PacketCodec codec = new PacketCodec(sessionId, key);
        ByteBuffer packet = ByteBuffer.allocate(PacketCodec.MAX_PACKET + 64);
        ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET + 64);
        ByteBuffer reply = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        try {
            while (true) {
                packet.clear();
                SocketAddress from = channel.receive(packet);
                packet.flip();
                PacketCodec.Verdict verdict = codec.open(packet, body);
                ReceiverRecord record = verdict == PacketCodec.Verdict.OK ? receivers.get(PacketCodec.origin(packet))
                        : null;
                if (verdict == PacketCodec.Verdict.OK && record == null) {
                    verdict = PacketCodec.Verdict.FOREIGN;
                }
                if (verdict != PacketCodec.Verdict.OK) {
                    counters.count(verdict);
                    continue;
                }
                synchronized (record) {
                    if (!record.replay.accept(PacketCodec.counter(packet))) {
                        counters.replayed.increment();
                        continue;
                    }
                    counters.accepted.increment();
                    record.lastHeard = System.nanoTime();
                    if (record.firstHeard == 0) {
                        record.firstHeard = record.lastHeard;
                    }
                    record.socketAddress = from;
                    record.address = from instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
                }
                try {
                    switch (PacketCodec.type(packet)) {
                        case NACK -> onNack(record, body);
                        case STATUS -> onStatus(record, body);
                        case DONE -> onDone(record, body, codec, reply, packet, from);
                        default -> counters.foreign.increment();
                    }
                } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
                    counters.foreign.increment();
                }
            }
        } catch (ClosedChannelException e) {
            // the session is over
        } catch (IOException e) {
            // the send loop notices the broken channel and reports it
        }
    }

    private void onNack(ReceiverRecord record, ByteBuffer body) {
        if (record.settled()) {
            return; // done, disconnected or given up: its NACKs no longer cost the others
        }
        int ranges = Short.toUnsignedInt(body.getShort());
        int total = manifest.blockCount();
        int now = millisSinceStart();
        synchronized (pending) {
            for (int i = 0; i < ranges; i++) {
                int start = body.getInt();
                int length = body.getInt();
                int end = (int) Math.min(total, Math.max(0L, (long) start + length));
                for (int block = Math.max(0, start); block < end; block++) {
                    if (now - lastSentMillis[block] >= REPAIR_HOLDOFF_MILLIS) {
                        pending.set(block);
                    }
                }
            }
        }
    }

    private static void onStatus(ReceiverRecord record, ByteBuffer body) {
        long bytes = body.getLong();
        int loss = Short.toUnsignedInt(body.getShort());
        synchronized (record) {
            record.bytes = bytes;
            record.lossPermille = Math.min(1000, loss);
        }
    }

    private void onDone(ReceiverRecord record, ByteBuffer body, PacketCodec codec, ByteBuffer reply,
            ByteBuffer packet, SocketAddress from) throws IOException {
        boolean verified = body.get() == 0;
        long bytes = body.getLong();
        long elapsed = body.getLong();
        byte[] detail = new byte[Math.min(body.remaining(), Short.toUnsignedInt(body.getShort()))];
        body.get(detail);
        synchronized (record) {
            if (record.state == State.ACTIVE || record.state == State.TIMED_OUT) {
                record.state = verified ? State.VERIFIED : State.FAILED;
                record.bytes = bytes;
                record.elapsed = Duration.ofNanos(elapsed);
                record.detail = new String(detail, StandardCharsets.UTF_8);
            }
        }
        reply.clear().putInt(record.id).flip();
        codec.seal(PacketType.DONE_ACK, 0, counter.incrementAndGet(), reply, packet);
        channel.send(packet, from);
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing: nothing left to lose
        }
        try {
            file.close();
        } catch (IOException e) {
            // read-only
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
