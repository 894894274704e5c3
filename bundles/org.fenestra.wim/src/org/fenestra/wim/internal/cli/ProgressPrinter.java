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
    /** Counts of files created or given metadata are shown from this many files on (as wimlib). */
    private static final long FILES_SHOWN_FROM = 2000;

    private final PrintStream out;
    private String label; // "Archiving file data" while data work is reported, else null
    private long total;
    private long completed;
    private String lastLine;
    private long lastScanCount;
    private long[] scan; // bytes, files, directories
    private WimActivity counted; // the activity activityWork() reports on

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
                if (detail != null && total > 0) { // wimlib names the compression once data is written
                    int space = detail.lastIndexOf(' ');
                    int threads = Integer.parseInt(detail.substring(space + 1));
                    out.print("Using " + detail.substring(0, space) + " compression with " + threads + " thread"
                            + (threads == 1 ? "" : "s") + "\n");
                }
                startData("Archiving file data");
            }
            case EXTRACT_DATA -> startData("Extracting file data");
            case CREATE_FILES, APPLY_METADATA -> {
                counted = activity;
                lastLine = null;
            }
            case VERIFY_DATA -> startData("Verifying file data");
            case VERIFY_METADATA -> out.print("Verifying metadata for image " + detail + "\n");
            case VERIFY_INTEGRITY -> label = null;
            case CALC_INTEGRITY -> {
                label = null;
                counted = activity;
                lastLine = null;
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

    /**
     * wimlib's lines for the activities that count their own work: bytes of the integrity
     * table, and files created or given their metadata (shown, as wimlib does, only from 2000 files).
     */
    @Override
    public synchronized void activityWork(long done, long total) {
        String line;
        if (counted == WimActivity.CALC_INTEGRITY) {
            line = "Calculating integrity table for WIM: " + amount(done, total);
        } else if (counted != null && total >= FILES_SHOWN_FROM) {
            line = (counted == WimActivity.CREATE_FILES ? "Creating files: " : "Applying metadata to files: ") + done
                    + " of " + total + " (" + (total == 0 ? 0 : done * 100 / total) + "%) done";
        } else {
            return;
        }
        if (!line.equals(lastLine)) {
            lastLine = line;
            out.print("\r" + line + (done >= total ? "\n" : ""));
            out.flush();
        }
    }

    /** "X unit of Y unit (P%) done", in the unit of {@code totalBytes}. */
    private static String amount(long done, long totalBytes) {
        Unit u = Unit.of(totalBytes);
        long percent = totalBytes == 0 ? 0 : done * 100 / totalBytes;
        return (done >> u.shift) + " " + u.name + " of " + (totalBytes >> u.shift) + " " + u.name + " (" + percent
                + "%) done";
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
        if (label == null || total == 0) { // no data to speak of (wimlib prints no line then)
            return;
        }
        completed = Math.min(total, completed + work);
        printDataLine();
    }

    /** Prints the data line when what it shows changed; the complete line ends with a newline. */
    private void printDataLine() {
        String line = label + ": " + amount(completed, total);
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
        if (label != null && lastLine != null && total > 0) {
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
