package org.fenestra.wim.internal.cli;

import java.io.PrintStream;

import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;

/**
 * Prints an operation's progress on standard output as wimlib-imagex does: "Scanning ...",
 * "N MiB scanned (F files, D directories)", "Using LZX compression with 2 threads",
 * "Archiving file data: 80 MiB of 84 MiB (94%) done", each updated in place with a carriage
 * return and ended with a newline when complete. Units and rounding follow wimlib's (a unit is
 * used once the total reaches ten thousand of the next smaller one).
 */
final class ProgressPrinter implements WimProgress {
    /** Scan lines are printed at most once per this many new entries (as wimlib: 500). */
    private static final long SCAN_LINE_EVERY = 500;

    private final PrintStream out;
    private String label; // "Archiving file data" while data work is reported, else null
    private long total;
    private long completed;
    private String lastLine;
    private long lastScanCount;
    private long[] scan; // bytes, files, directories

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void activity(WimActivity activity, String detail) {
        switch (activity) {
            case SCAN -> {
                out.print("Scanning \"" + detail + "\"\n");
                scan = null;
                lastScanCount = 0;
            }
            case SCAN_EXCLUDED -> out.print("\nExcluding \"" + detail + "\" from capture\n");
            case SCAN_UNSUPPORTED -> out.print("\nWARNING: Excluding unsupported file or directory\n         \""
                    + detail + "\" from capture\n");
            case SCAN_DONE -> {
                if (scan != null) {
                    printScanLine();
                }
                out.print("\n");
            }
            case WRITE_DATA -> {
                if (detail != null) {
                    int space = detail.lastIndexOf(' ');
                    int threads = Integer.parseInt(detail.substring(space + 1));
                    out.print("Using " + detail.substring(0, space) + " compression with " + threads + " thread"
                            + (threads == 1 ? "" : "s") + "\n");
                }
                startData("Archiving file data");
            }
            case EXTRACT_DATA -> startData("Extracting file data");
            case VERIFY_DATA -> startData("Verifying file data");
            case VERIFY_METADATA -> out.print("Verifying metadata for image " + detail + "\n");
            case VERIFY_INTEGRITY -> {
                label = null;
            }
        }
        out.flush();
    }

    @Override
    public synchronized void scanned(long bytes, long files, long directories) {
        boolean first = scan == null;
        scan = new long[] { bytes, files, directories };
        long count = files + directories;
        if (first || count >= lastScanCount + SCAN_LINE_EVERY || count % 512 == 0) {
            printScanLine();
        }
    }

    private void printScanLine() {
        Unit u = Unit.of(scan[0]);
        out.print("\r" + (scan[0] >> u.shift) + " " + u.name + " scanned (" + scan[1] + " files, " + scan[2]
                + " directories)    ");
        lastScanCount = scan[1] + scan[2];
        out.flush();
    }

    private void startData(String name) {
        label = name;
        completed = 0;
        lastLine = null;
        if (total > 0) {
            printDataLine();
        }
    }

    @Override
    public synchronized void beginTask(String name, long totalWork) {
        total = totalWork; // the data activity that follows reports against it
        completed = 0;
    }

    @Override
    public synchronized void worked(long work) {
        if (label == null) {
            return;
        }
        completed = Math.min(total, completed + work);
        printDataLine();
    }

    /** Prints the data line when what it shows changed; the complete line ends with a newline. */
    private void printDataLine() {
        Unit u = Unit.of(total);
        long percent = total == 0 ? 0 : completed * 100 / total;
        String line = label + ": " + (completed >> u.shift) + " " + u.name + " of " + (total >> u.shift) + " " + u.name
                + " (" + percent + "%) done";
        if (line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        out.print("\r" + line);
        if (completed >= total) {
            out.print("\n");
            label = null;
        }
        out.flush();
    }

    /** The operation finished: a data line not yet complete is completed (skipped duplicates count as done). */
    @Override
    public synchronized void done() {
        if (label != null && lastLine != null) {
            completed = total;
            printDataLine();
        }
        label = null;
    }

    /** wimlib's units: the largest whose count of the total is at least ten thousand of the next smaller unit. */
    private record Unit(String name, int shift) {
        static Unit of(long totalBytes) {
            if (totalBytes >= 10_000_000_000L) {
                return new Unit("GiB", 30);
            }
            if (totalBytes >= 10_000_000L) {
                return new Unit("MiB", 20);
            }
            if (totalBytes >= 10_000L) {
                return new Unit("KiB", 10);
            }
            return new Unit("bytes", 0);
        }
    }
}
