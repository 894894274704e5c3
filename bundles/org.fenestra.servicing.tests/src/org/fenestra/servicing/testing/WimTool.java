package org.fenestra.servicing.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code wimlib-imagex}, the independent tool servicing tests make and check their WIMs with;
 * a non-zero exit fails the test with the tool's output.
 */
public final class WimTool {

    private WimTool() {
    }

    public static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("wimlib-imagex");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Captures {@code tree} as a one-image WIM named {@code name}. */
    public static Path capture(Path tree, Path wim, String name) throws IOException, InterruptedException {
        run("capture", tree.toString(), wim.toString(), name);
        return wim;
    }

    /** The image's paths as {@code wimlib-imagex dir} lists them ({@code /Windows/System32/...}). */
    public static List<String> dir(Path wim, int index) throws IOException, InterruptedException {
        return run("dir", wim.toString(), Integer.toString(index)).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** Extracts one file of the image to {@code folder} and returns where it is. */
    public static Path extract(Path wim, int index, String path, Path folder) throws IOException, InterruptedException {
        run("extract", wim.toString(), Integer.toString(index), path, "--dest-dir=" + folder, "--no-acls");
        return folder.resolve(Path.of(path).getFileName().toString());
    }

    /** {@code wimlib-imagex verify}: fails the test unless the WIM is whole. */
    public static void verify(Path wim) throws IOException, InterruptedException {
        run("verify", wim.toString());
    }
}
