package org.fenestra.console.internal;

import java.io.PrintStream;

import org.fenestra.wim.model.WimProgress;

/** A progress line on the console: the task and its percentage, printed every 5 %. */
final class ConsoleProgress implements WimProgress {

    private final PrintStream out;
    private String task = "";
    private long total;
    private long done;
    private int lastPercent = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void beginTask(String name, long totalWork) {
        task = name;
        total = totalWork;
        done = 0;
        lastPercent = -1;
        report();
    }

    @Override
    public void worked(long work) {
        done += work;
        report();
    }

    private void report() {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        if (percent / 5 != lastPercent / 5 || lastPercent < 0) {
            lastPercent = percent;
            out.println(task + ": " + percent + "%");
        }
    }
}
