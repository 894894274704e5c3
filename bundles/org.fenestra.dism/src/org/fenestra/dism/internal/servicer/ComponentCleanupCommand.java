package org.fenestra.dism.internal.servicer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.wim.model.WimProgress;

/**
 * {@code dism.exe /Image:MOUNT /Cleanup-Image /StartComponentCleanup /ResetBase}, for DISM versions
 * whose DismApi lacks {@code _DismCleanImage}. Success is exit code 0 (or 3010, restart required);
 * its output and its log ({@code /LogPath} in the work folder) go into the servicing log, and a
 * failure names the exit code and the log's error lines. Cancelling ends the process.
 */
final class ComponentCleanupCommand {

    /** ERROR_SUCCESS_REBOOT_REQUIRED: done, finished at the image's first start. */
    private static final int RESTART_REQUIRED = 3010;
    private static final String LOG_FILE = "dism-cleanup.log";

    private final Path tool;
    private final Path mount;
    private final Path workFolder;
    private final Consumer<String> log;

    ComponentCleanupCommand(Path tool, Path mount, Path workFolder, Consumer<String> log) {
        this.tool = tool;
        this.mount = mount;
        this.workFolder = workFolder;
        this.log = log;
    }

    List<String> command() {
        return List.of(tool.toString(), "/English", "/Image:" + mount, "/Cleanup-Image", "/StartComponentCleanup",
                "/ResetBase", "/LogPath:" + workFolder.resolve(LOG_FILE), "/LogLevel:3");
    }

    void run(WimProgress progress) throws ServicingException {
        if (!Files.isRegularFile(tool)) {
            throw new ServicingException(Reason.IO, "component cleanup needs " + tool + " (this DISM has no "
                    + "_DismCleanImage), and there is no such file: set " + DismServicerSettings.CLEANUP_TOOL_PROPERTY
                    + " to the dism.exe of the DISM in use");
        }
        Path output = workFolder.resolve("dism-cleanup.out");
        Path logFile = workFolder.resolve(LOG_FILE);
        int exitCode;
        try {
            Files.deleteIfExists(logFile);
            Process process = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            exitCode = waitFor(process, progress);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, "cannot run " + tool + ": " + e.getMessage(), e);
        }
        List<String> outputLines = lines(output, Charset.defaultCharset());
        List<String> logLines = lines(logFile, StandardCharsets.UTF_8);
        outputLines.forEach(line -> log.accept("dism.exe: " + line));
        logLines.forEach(line -> log.accept("dism.exe log: " + line));
        if (exitCode == 0 || exitCode == RESTART_REQUIRED) {
            log.accept("component cleanup done (dism.exe exit code " + exitCode + ")");
            return;
        }
        List<String> errors = logLines.stream().filter(line -> line.contains(", Error")).toList();
        String lastOutput = outputLines.isEmpty() ? "" : outputLines.get(outputLines.size() - 1);
        throw new ServicingException(Reason.IO, String.join(" ", command().subList(0, 6)) + " failed with exit code "
                + exitCode + String.format(Locale.ROOT, " (0x%08X)", exitCode)
                + (lastOutput.isEmpty() ? "" : ": " + lastOutput)
                + (errors.isEmpty() ? (logLines.isEmpty() ? "; it wrote no log" : "")
                        : "; its log says: " + String.join(" | ", errors.subList(Math.max(0, errors.size() - 3),
                                errors.size()))));
    }

    private int waitFor(Process process, WimProgress progress) throws ServicingException {
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (progress.isCanceled()) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    throw new ServicingException(Reason.CANCELLED, "component cleanup (" + tool + ") was cancelled");
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServicingException(Reason.CANCELLED, "component cleanup (" + tool + ") was interrupted", e);
        }
    }

    private static List<String> lines(Path file, Charset charset) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readAllLines(file, charset).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
                    : List.of();
        } catch (IOException e) {
            return List.of("(" + file + " could not be read: " + e.getMessage() + ")");
        }
    }
}
