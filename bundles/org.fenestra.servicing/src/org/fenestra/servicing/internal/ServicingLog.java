package org.fenestra.servicing.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One run's servicing log ({@code <logs>/servicing/<image>-run-<N>.log}, as Configuration Manager
 * writes {@code OfflineServicingMgr.log}): which update, which servicer, the result, timings, errors.
 * Every line also goes to the servicing concern's log ({@code servicing.log}) through the logger.
 * Writing the file never fails a run: a log that cannot be written is reported once in servicing.log.
 */
final class ServicingLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServicingLog.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Path file;
    private final String prefix;
    private BufferedWriter out;

    ServicingLog(Path folder, String imageId, long runId) {
        this.file = folder.resolve(imageId + "-run-" + runId + ".log");
        this.prefix = imageId + " run " + runId + ": ";
        try {
            Files.createDirectories(folder);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, prefix + "cannot write the run's log " + file + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    synchronized void info(String line) {
        write("INFO ", line);
        LOG.log(System.Logger.Level.INFO, prefix + line);
    }

    synchronized void error(String line) {
        write("ERROR", line);
        LOG.log(System.Logger.Level.WARNING, prefix + line);
    }

    private void write(String level, String line) {
        if (out == null) {
            return;
        }
        try {
            out.write(OffsetDateTime.now(ZoneId.systemDefault()).format(TIME) + " " + level + " " + line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, prefix + "the run's log " + file + " failed: " + e.getMessage());
            out = null;
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, prefix + "closing " + file + ": " + e.getMessage());
            }
            out = null;
        }
    }
}
