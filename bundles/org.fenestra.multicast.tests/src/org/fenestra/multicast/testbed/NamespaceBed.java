package org.fenestra.multicast.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A multicast test bed from Linux network namespaces (needs root): a sender and N receivers, each
 * in its own namespace, on one bridge in a "switch" namespace, joined by veth pairs. Nothing links
 * the bed to the default namespace or a real NIC, so no packet leaves it. Names start with
 * {@code fmc-} and the JVM's pid, so concurrent runs do not collide; {@link #close} (and a shutdown
 * hook, should the JVM stop first) deletes them.
 *
 * <p>Loss uses {@code tc netem} when the kernel has it, else an nftables bridge rule (random drop,
 * counted); a slow link is {@code tbf} on the switch port towards the receiver.
 */
public final class NamespaceBed implements AutoCloseable {

    public static final String SENDER_ADDRESS = "10.254.0.1";
    private final String prefix = "fmc-" + ProcessHandle.current().pid() % 100_000;
    /**
     * The /30 of {@link #linkSenderToHost}, in this host's own namespace: one per JVM (by pid), as
     * the namespaces' names, so two beds up at once (parallel builds) do not take the same address.
     */
    private final String hostLinkNet = "10.253." + (1 + ProcessHandle.current().pid() % 250) + ".";
    private final String switchNs = prefix + "-sw";
    private final int receivers;
    private final Thread cleanup = new Thread(this::down, "fmc-bed-cleanup");

    private NamespaceBed(int receivers) {
        this.receivers = receivers;
    }

    /** Why no bed can be made here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("network namespaces need root (running as " + System.getProperty("user.name") + ")");
        }
        String probe = "fmc-probe-" + ProcessHandle.current().pid();
        try {
            if (exec(List.of("ip", "netns", "add", probe)) != 0) {
                return Optional.of("`ip netns add` fails here (no CAP_SYS_ADMIN or no iproute2)");
            }
            exec(List.of("ip", "netns", "del", probe));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("`ip` cannot run: " + e.getMessage());
        }
    }

    public static NamespaceBed up(int receivers) throws IOException {
        NamespaceBed bed = new NamespaceBed(receivers);
        Runtime.getRuntime().addShutdownHook(bed.cleanup);
        try {
            bed.down();
            bed.run("ip", "netns", "add", bed.switchNs);
            bed.run("ip", "-n", bed.switchNs, "link", "set", "lo", "up");
            bed.run("ip", "-n", bed.switchNs, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
            bed.run("ip", "-n", bed.switchNs, "link", "set", "br0", "up");
            bed.addHost(bed.senderNs(), SENDER_ADDRESS, "p-s");
            for (int k = 1; k <= receivers; k++) {
                bed.addHost(bed.receiverNs(k), receiverAddress(k), "p-r" + k);
            }
            return bed;
        } catch (IOException | RuntimeException e) {
            bed.close();
            throw e;
        }
    }

    public String senderNs() {
        return prefix + "-s";
    }

    public String receiverNs(int k) {
        return prefix + "-r" + k;
    }

    public static String receiverAddress(int k) {
        return "10.254.0." + (10 + k);
    }

    /** Drops {@code percent} of the frames the switch sends to receiver {@code k}. */
    public void loss(int k, double percent) throws IOException {
        if (exec(List.of("tc", "-n", switchNs, "qdisc", "replace", "dev", "p-r" + k, "root", "netem", "loss",
                percent + "%")) == 0) {
            return;
        }
        nft("add table bridge fmcbed");
        nft("add chain bridge fmcbed forward { type filter hook forward priority 0; policy accept; }");
        nft("add rule bridge fmcbed forward oifname p-r" + k + " ether type ip numgen random mod 10000 lt "
                + Math.round(percent * 100) + " counter drop");
    }

    /** Frames dropped by {@link #loss} rules so far (nftables counter; 0 with netem). */
    public long lossDrops() throws IOException {
        Path out = Files.createTempFile("fmc-nft", ".txt");
        try {
            exec(List.of("ip", "netns", "exec", switchNs, "nft", "list", "table", "bridge", "fmcbed"), out);
            long total = 0;
            for (String line : Files.readAllLines(out)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("packets (\\d+)").matcher(line);
                if (m.find()) {
                    total += Long.parseLong(m.group(1));
                }
            }
            return total;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Holds the switch port towards receiver {@code k} to {@code mbit} Mbit/s (tbf). */
    public void slow(int k, int mbit) throws IOException {
        run("tc", "-n", switchNs, "qdisc", "replace", "dev", "p-r" + k, "root", "tbf", "rate", mbit + "mbit", "burst",
                "64kb", "latency", "50ms");
    }

    /**
     * Links the sender's namespace to this host's (the default namespace) by a point-to-point veth
     * pair, so a process here (the site) reaches a server there (the DP) over unicast; multicast stays
     * on the bridge (its route in the sender namespace goes there). Returns the sender's address on
     * that link; this host's end is {@link #hostAddress()}. Deleting the sender namespace deletes it.
     */
    public String linkSenderToHost() throws IOException {
        String hostEnd = prefix + "-h";
        exec(List.of("ip", "link", "del", hostEnd));
        run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "site0", "netns", senderNs());
        run("ip", "addr", "add", hostAddress() + "/30", "dev", hostEnd);
        run("ip", "link", "set", hostEnd, "up");
        run("ip", "-n", senderNs(), "addr", "add", hostLinkNet + "2/30", "dev", "site0");
        run("ip", "-n", senderNs(), "link", "set", "site0", "up");
        return hostLinkNet + "2";
    }

    /** This host's end of {@link #linkSenderToHost}. */
    public String hostAddress() {
        return hostLinkNet + "1";
    }

    /** Removes every impairment. */
    public void clear() throws IOException {
        for (int k = 1; k <= receivers; k++) {
            exec(List.of("tc", "-n", switchNs, "qdisc", "del", "dev", "p-r" + k, "root"));
        }
        exec(List.of("ip", "netns", "exec", switchNs, "nft", "delete", "table", "bridge", "fmcbed"));
    }

    /** A command line run inside namespace {@code ns}. */
    public List<String> inside(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() {
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }

    private void addHost(String ns, String address, String port) throws IOException {
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", port, "netns", switchNs, "type", "veth", "peer", "name", "eth0", "netns", ns);
        run("ip", "-n", switchNs, "link", "set", port, "master", "br0", "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
        run("ip", "-n", ns, "addr", "add", address + "/24", "brd", "+", "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0");
        exec(List.of("ip", "netns", "exec", ns, "sysctl", "-qw", "net.core.rmem_max=104857600",
                "net.core.wmem_max=104857600"));
    }

    private void down() {
        List<String> names = new ArrayList<>(List.of(senderNs(), switchNs));
        for (int k = 1; k <= receivers; k++) {
            names.add(receiverNs(k));
        }
        for (String ns : names) {
            try {
                // processes left in the namespace die with it only if we end them
                Path pids = Files.createTempFile("fmc-pids", ".txt");
                exec(List.of("ip", "netns", "pids", ns), pids);
                for (String pid : Files.readAllLines(pids)) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                Files.deleteIfExists(pids);
                exec(List.of("ip", "netns", "del", ns));
            } catch (IOException | NumberFormatException e) {
                // best effort: the next bed's down() tries again
            }
        }
    }

    private void nft(String rule) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", switchNs, "nft"));
        command.addAll(List.of(rule.split(" ")));
        if (exec(command) != 0) {
            throw new IOException("nft " + rule + " failed (is nftables installed?)");
        }
    }

    private void run(String... command) throws IOException {
        int status = exec(List.of(command));
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " failed with status " + status);
        }
    }

    private static int exec(List<String> command) throws IOException {
        return exec(command, null);
    }

    private static int exec(List<String> command, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 30 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
