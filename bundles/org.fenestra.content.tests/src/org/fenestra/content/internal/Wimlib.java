package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs wimlib-imagex, the independent oracle; a non-zero exit fails the calling test. */
final class Wimlib {

    private Wimlib() {
    }

    static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wimlib-imagex"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
