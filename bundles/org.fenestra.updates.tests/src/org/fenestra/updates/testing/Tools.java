package org.fenestra.updates.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent tools the tests make their data with (gcab, wimlib-imagex); a failure fails the test. */
public final class Tools {

    private Tools() {
    }

    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** {@code gcab -c [-z] CAB FILES...} run in {@code folder}, so the cabinet stores the names as given. */
    public static Path gcab(Path folder, Path cabinet, boolean mszip, List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gcab", "-c"));
        if (mszip) {
            command.add("-z");
        }
        command.add(cabinet.toAbsolutePath().toString());
        command.addAll(files);
        run(folder, command.toArray(String[]::new));
        return cabinet;
    }
}
