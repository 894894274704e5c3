package org.fenestra.multicast.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One process on the bed (sender, receiver, eavesdropper) with its output in a file. */
public final class BedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path output;

    private BedProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    public static BedProcess start(String name, List<String> command, Path directory) throws IOException {
        Path output = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new BedProcess(name, process, output);
    }

    /** Waits for the first output line starting with {@code prefix}. */
    public String awaitLine(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive() && lines().stream().noneMatch(l -> l.startsWith(prefix))) {
                throw new IOException(name + " ended (status " + process.exitValue() + ") without a " + prefix
                        + " line:\n" + String.join("\n", lines()));
            }
            Thread.sleep(50);
        }
        throw new IOException(name + " printed no " + prefix + " line in " + timeout + ":\n" + String.join("\n", lines()));
    }

    /** Waits for the process to end; returns its exit status. */
    public int await(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " still running after " + timeout + ":\n" + String.join("\n", lines()));
        }
        return process.exitValue();
    }

    public List<String> lines() throws IOException {
        return Files.readAllLines(output);
    }

    /** The value of {@code key=} in the first line starting with {@code prefix} that contains {@code match}. */
    public String field(String prefix, String match, String key) throws IOException {
        for (String line : lines()) {
            if (line.startsWith(prefix) && line.contains(match)) {
                for (String part : line.split(" ")) {
                    if (part.startsWith(key + "=")) {
                        return part.substring(key.length() + 1);
                    }
                }
            }
        }
        throw new IOException("no " + key + " in a " + prefix + " line with " + match + " of " + name + ":\n"
                + String.join("\n", lines()));
    }

    /** The output for a failure message (or why it cannot be read). */
    public List<String> linesOrProblem() {
        try {
            return lines();
        } catch (IOException e) {
            return List.of(name + ": output unreadable: " + e.getMessage());
        }
    }

    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name;
    }
}
