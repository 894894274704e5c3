package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimJoiner;
import org.fenestra.wim.WimSplitter;
import org.fenestra.wim.model.WimProgress;

/** {@code split WIMFILE SWM_NAME PART_SIZE_MiB [--check]} and {@code join [--check] OUT_WIMFILE PART...}. */
final class SplitJoinCommands {
    private SplitJoinCommands() {
    }

    static int split(List<String> args, PrintStream out) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("check", "include-integrity"), Set.of());
        if (cl.positionals.size() != 3) {
            throw new CommandLine.UsageException("Must specify a WIM file, a split WIM name and a part size in MiB");
        }
        double mib;
        try {
            mib = Double.parseDouble(cl.positionals.get(2));
        } catch (NumberFormatException e) {
            mib = -1;
        }
        long partSize = (long) (mib * (1 << 20));
        if (!(mib > 0) || partSize <= 0) {
            throw new CommandLine.UsageException("Invalid part size \"" + cl.positionals.get(2) + "\"");
        }
        boolean integrity = cl.has("check") || cl.has("include-integrity");
        List<Path> parts;
        try (WimFile wim = WimFile.open(Path.of(cl.positionals.get(0)))) {
            parts = WimSplitter.split(wim, Path.of(cl.positionals.get(1)), partSize, integrity, WimProgress.NONE);
        }
        for (int i = 0; i < parts.size(); i++) {
            out.print("Wrote \"" + parts.get(i) + "\" (part " + (i + 1) + " of " + parts.size() + ")\n");
        }
        return 0;
    }

    static int join(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("check"), Set.of());
        if (cl.positionals.size() < 2) {
            throw new CommandLine.UsageException("Must specify an output WIM file and at least one split WIM part");
        }
        List<Path> parts = new ArrayList<>();
        for (String p : cl.positionals.subList(1, cl.positionals.size())) {
            parts.add(Path.of(p));
        }
        WimJoiner.join(parts, Path.of(cl.positionals.get(0)), cl.has("check"), WimProgress.NONE);
        return 0;
    }
}
