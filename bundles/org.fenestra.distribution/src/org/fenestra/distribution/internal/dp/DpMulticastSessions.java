package org.fenestra.distribution.internal.dp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.internal.MulticastWire;
import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastSender;
import org.fenestra.multicast.ReceiverOutcome;
import org.fenestra.multicast.SenderReport;
import org.fenestra.multicast.SenderSettings;
import org.fenestra.multicast.SessionManifest;
import org.fenestra.multicast.SessionTicket;

/**
 * The DP's multicast sessions: one per package at a time, started when the first client asks
 * (auto-cast) or held until enough clients asked or its time came (scheduled-cast); a client asking
 * while a package's session runs joins it late. The settings the site gave are kept in
 * {@code DATA/multicast/} (dp.properties, and PACKAGE.properties per image).
 */
final class DpMulticastSessions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DpMulticastSessions.class.getName());
    private static final String DP_SETTINGS = "dp.properties";
    private static final int KEPT_FINISHED = 50;
    /** How long a receiver of a scheduled session may wait before it starts (without a time: by count only). */
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /**
     * What a client admitted to a session gets.
     *
     * @param stream  the stream (1: fastest) of the session, of {@code streams} (1 unless the DP splits by speed)
     */
    record Admission(SessionTicket ticket, boolean onlyMulticast, Duration startWithin, int stream, int streams) {
    }

    /** A receiver below this fraction of the others' median goodput takes the next slower stream. */
    private static final double SLOWER_STREAM_BELOW = 0.5;

    private final Path folder;
    private final InetAddress interfaceAddress;
    private final AtomicLong sessionIds = new AtomicLong();
    private final Map<String, SessionManifest> manifests = new ConcurrentHashMap<>();
    /** "PACKAGE#STREAM" → its session while one runs or waits to start; guarded by {@code this}. */
    private final Map<String, Session> current = new HashMap<>();
    private final Deque<Session> finished = new ArrayDeque<>();
    private volatile boolean closed;

    DpMulticastSessions(Path folder, InetAddress interfaceAddress) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.interfaceAddress = interfaceAddress;
    }

    DpMulticastSettings settings() throws IOException {
        Path file = folder.resolve(DP_SETTINGS);
        return Files.exists(file) ? MulticastWire.readDpSettings(Files.readString(file)) : DpMulticastSettings.DEFAULTS;
    }

    void setSettings(String text) throws IOException {
        MulticastWire.readDpSettings(text); // refuse what cannot be used before keeping it
        write(folder.resolve(DP_SETTINGS), text);
    }

    ImageDistributionSettings packageSettings(String packageId) throws IOException {
        Path file = folder.resolve(packageId + ".properties");
        return Files.exists(file) ? MulticastWire.readImageSettings(packageId, Files.readString(file))
                : ImageDistributionSettings.defaults(packageId);
    }

    void setPackageSettings(String packageId, String text) throws IOException {
        MulticastWire.readImageSettings(packageId, text);
        write(folder.resolve(packageId + ".properties"), text);
    }

    /**
     * Admits a client to the package's session, starting one when none runs.
     *
     * @throws Refusal 409 with the reason when multicast is off here or for the image, or the session is full
     */
    synchronized Admission admit(String packageId, Path file, int stream) throws Refusal, IOException {
        DpMulticastSettings dp = settings();
        ImageDistributionSettings image = packageSettings(packageId);
        if (closed) {
            throw new Refusal(503, "the DP is stopping");
        }
        if (!dp.enabled()) {
            throw new Refusal(409, "multicast is disabled on this distribution point");
        }
        if (!image.allowMulticast()) {
            throw new Refusal(409, "image " + packageId + " is not allowed to be sent by multicast (its distribution "
                    + "settings)");
        }
        int streams = dp.slowClients().kind() == SlowClientPolicy.Kind.STREAMS ? dp.slowClients().value() : 1;
        if (stream < 1 || stream > streams) {
            throw new Refusal(404, "this DP sends " + packageId + " in " + streams + " stream(s), not stream " + stream);
        }
        String key = packageId + "#" + stream;
        Session session = current.get(key);
        if (session != null && session.sender.admitted() >= dp.maxClients()) {
            throw new Refusal(409, "the multicast session of " + packageId + " has its " + dp.maxClients()
                    + " clients (the DP's maximum)");
        }
        boolean opened = session == null;
        if (opened) {
            session = open(packageId, file, dp, image, stream, streams);
            current.put(key, session);
        }
        // the ticket first: a session that starts with nobody admitted would end at once
        SessionTicket ticket = session.sender.issueTicket();
        if (opened) {
            Thread.ofPlatform().name("multicast-" + packageId + "-" + session.id).daemon().start(session::run);
        }
        Duration startWithin = session.startsAt.map(at -> Duration.between(Instant.now(), at))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        if (session.waitingForClients()) {
            startWithin = session.startsAt.isPresent() ? startWithin : LONGEST_WAIT;
        }
        if (stream > 1 && startWithin.isZero()) {
            startWithin = LONGEST_WAIT; // it starts once the faster streams ended: no time can be promised
        }
        return new Admission(ticket, image.onlyMulticast(), startWithin, stream, streams);
    }

    private Session open(String packageId, Path file, DpMulticastSettings dp, ImageDistributionSettings image,
            int stream, int streams) throws Refusal, IOException {
        InetSocketAddress group = freeGroup(dp);
        SessionManifest manifest = manifest(file);
        boolean scheduled = dp.start() == SessionStart.SCHEDULED_CAST;
        Optional<Instant> startsAt = scheduled ? dp.scheduledAt() : Optional.empty();
        int startClients = scheduled ? dp.scheduledClients() : 0;
        Duration wait = stream > 1 ? LONGEST_WAIT : !scheduled ? Duration.ZERO
                : startsAt.map(at -> Duration.between(Instant.now(), at)).filter(d -> !d.isNegative())
                        .orElse(startClients > 0 ? LONGEST_WAIT : Duration.ZERO);
        SenderSettings settings = SenderSettings.of(group, interfaceAddress)
                .withMaxRate(dp.maxRateMbps() * 1_000_000L)
                // a receiver admitted to a session that has not started yet is not "never joined"
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15).plus(wait))
                .withMinReceiverRate(dp.slowClients().kind() == SlowClientPolicy.Kind.DISCONNECT
                        ? dp.slowClients().value() * 1_000_000L : 0)
                .withSlowerStreamBelow(stream < streams ? SLOWER_STREAM_BELOW : 0);
        try {
            MulticastSender sender = MulticastSender.open(settings, file, manifest, image.encryptMulticast());
            return new Session(sessionIds.incrementAndGet(), packageId, stream, group, image.encryptMulticast(), sender,
                    manifest.fileSize(), startsAt, startClients);
        } catch (MulticastException e) {
            throw new Refusal(503, "cannot open a multicast session: " + e.getMessage());
        }
    }

    /** The first address of the DP's range no session uses now, with the range's first port. */
    private InetSocketAddress freeGroup(DpMulticastSettings dp) throws Refusal, UnknownHostException {
        long first = number(dp.addressFirst());
        long last = number(dp.addressLast());
        for (long a = first; a <= last; a++) {
            InetAddress address = InetAddress.getByAddress(new byte[] { (byte) (a >> 24), (byte) (a >> 16),
                    (byte) (a >> 8), (byte) a });
            if (current.values().stream().noneMatch(s -> s.group.getAddress().equals(address))) {
                return new InetSocketAddress(address, dp.portFirst());
            }
        }
        throw new Refusal(503, "every multicast address of this DP (" + dp.addressFirst() + "-" + dp.addressLast()
                + ") carries a session now");
    }

    private static long number(String address) throws UnknownHostException {
        byte[] b = InetAddress.getByName(address).getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    /** The file's manifest (chunk hashes), computed once per file content. */
    private SessionManifest manifest(Path file) throws IOException {
        String key = file.getFileName().toString(); // library content is named by its SHA-256
        SessionManifest known = manifests.get(key);
        if (known != null) {
            return known;
        }
        SessionManifest computed = SessionManifest.compute(file, SessionManifest.DEFAULT_BLOCK_SIZE,
                SessionManifest.DEFAULT_BLOCKS_PER_CHUNK, () -> closed);
        manifests.put(key, computed);
        return computed;
    }

    /** Every session now and the last ones that ended, as report lines (README: "Sessions report"). */
    synchronized String report() {
        StringBuilder out = new StringBuilder();
        List<Session> all = new ArrayList<>(current.values());
        all.addAll(finished);
        all.sort((a, b) -> Long.compare(a.id, b.id));
        for (Session s : all) {
            out.append("SESSION ").append(s.id).append(" package=").append(s.packageId).append(" group=")
                    .append(s.group.getAddress().getHostAddress()).append(':').append(s.group.getPort())
                    .append(" stream=").append(s.stream).append(" state=").append(s.state).append(" encrypted=").append(s.encrypted ? "yes" : "no")
                    .append(" size=").append(s.size).append('\n');
            for (ReceiverOutcome r : s.receivers()) {
                out.append("RECEIVER ").append(s.id).append(" id=").append(r.receiverId()).append(" address=")
                        .append(r.address() == null || r.address().isEmpty() ? "-" : r.address())
                        .append(" state=").append(r.state()).append(" bytes=").append(r.bytes())
                        .append(" rate=").append(Math.round(r.bytesPerSecond())).append(" detail=")
                        .append(r.detail() == null ? "" : r.detail().replace('\n', ' ')).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Whether a faster stream of the session's package still runs: a slower stream waits for it, so
     * on a DP whose CPU or link is the limit it never takes the faster receivers' share.
     */
    private synchronized boolean fasterStreamRuns(Session session) {
        for (int faster = 1; faster < session.stream; faster++) {
            if (current.containsKey(session.packageId + "#" + faster)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void ended(Session session) {
        current.remove(session.packageId + "#" + session.stream, session);
        finished.addLast(session);
        while (finished.size() > KEPT_FINISHED) {
            finished.removeFirst();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** One session: waits for its start (scheduled-cast), runs, keeps its report. */
    private final class Session {
        final long id;
        final String packageId;
        final int stream;
        final InetSocketAddress group;
        final boolean encrypted;
        final MulticastSender sender;
        final Optional<Instant> startsAt;
        final int startClients;
        final long size;
        volatile String state = "WAITING";
        volatile SenderReport report;

        Session(long id, String packageId, int stream, InetSocketAddress group, boolean encrypted,
                MulticastSender sender, long size, Optional<Instant> startsAt, int startClients) {
            this.id = id;
            this.packageId = packageId;
            this.stream = stream;
            this.group = group;
            this.encrypted = encrypted;
            this.sender = sender;
            this.startsAt = startsAt;
            this.startClients = startClients;
            this.size = size;
        }

        /** A scheduled-cast session before its count or time came (whichever first). */
        boolean waitingForClients() {
            boolean byTime = startsAt.isPresent() && !Instant.now().isBefore(startsAt.get());
            boolean byCount = startClients > 0 && sender.admitted() >= startClients;
            boolean scheduled = startsAt.isPresent() || startClients > 0;
            return scheduled && !byTime && !byCount;
        }

        List<ReceiverOutcome> receivers() {
            SenderReport done = report;
            return done != null ? done.receivers() : sender.receivers();
        }

        void run() {
            try {
                while ((waitingForClients() || fasterStreamRuns(this)) && !closed) {
                    Thread.sleep(100);
                }
                state = "RUNNING";
                report = sender.run((done, total) -> { }, () -> closed);
                state = "ENDED";
                LOG.log(Level.INFO, "multicast session " + id + " of " + packageId + " ended: " + report.receivers());
            } catch (MulticastException e) {
                state = "FAILED";
                LOG.log(Level.WARNING, "multicast session " + id + " of " + packageId + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                state = "FAILED";
                Thread.currentThread().interrupt();
            } finally {
                sender.close();
                ended(this);
            }
        }
    }
}
