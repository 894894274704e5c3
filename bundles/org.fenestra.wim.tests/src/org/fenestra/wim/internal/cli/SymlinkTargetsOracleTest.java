package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Symbolic link targets through capture and apply, side by side with wimlib-imagex: kept byte
 * for byte ({@code sub///}, {@code /abs//x/}), and absolute links into the captured tree fixed
 * up (or not, with {@code --norpfix} on capture or apply, {@code --rpfix} on apply) as wimlib
 * does. Each WIM, captured by wimlib or by us, is applied by wimlib and by us.
 */
class SymlinkTargetsOracleTest {
    private static final byte[] NO_INPUT = new byte[0];

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path src;

    @BeforeAll
    static void makeLinks() throws IOException, InterruptedException {
        assumeTrue(CliOracle.wimlibPresent(), "wimlib-imagex is not installed");
        src = shared.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("sub/y"), "y\n");
        String abs = src.toAbsolutePath().toString();
        String[][] links = { { "l1", "sub///" }, { "l2", "/abs//x/" }, { "l3", abs + "/sub//y" },
                { "l4", abs + "//sub/" }, { "l5", "../out" }, { "l6", "/" }, { "l7", abs }, { "l8", "./sub/../sub/y" } };
        for (String[] l : links) {
            Files.createSymbolicLink(src.resolve(l[0]), Path.of(l[1]));
        }
        // Path.of normalizes: make the links whose targets it would change with the exact bytes
        for (String[] l : links) {
            if (!Files.readSymbolicLink(src.resolve(l[0])).toString().equals(l[1])) {
                Files.delete(src.resolve(l[0]));
                Process p = new ProcessBuilder("ln", "-s", "--", l[1], src.resolve(l[0]).toString()).start();
                assertEquals(0, p.waitFor());
            }
        }
        assertEquals("sub///", Files.readSymbolicLink(src.resolve("l1")).toString());
    }

    @ParameterizedTest
    @CsvSource({ "'',''", "'',--norpfix", "'',--rpfix", "--norpfix,''", "--norpfix,--rpfix", "--norpfix,--norpfix" })
    void linkTargetsAsWimlib(String captureFlag, String applyFlag) throws Exception {
        Path theirWim = tmp.resolve("theirs.wim");
        Path ourWim = tmp.resolve("ours.wim");
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, args("capture", src, theirWim, captureFlag)).rc());
        CliOracle.Run captured = CliOracle.ours(Map.of(), NO_INPUT, args("capture", src, ourWim, captureFlag));
        assertEquals(0, captured.rc(), captured.err());

        List<String> reference = applied(theirWim, applyFlag, true, "ref");
        assertEquals(true, reference.contains("l1 l sub///") && reference.contains("l2 l /abs//x/"), reference.toString());
        assertEquals(reference, applied(theirWim, applyFlag, false, "a"), "wimlib's WIM applied by us");
        assertEquals(reference, applied(ourWim, applyFlag, true, "b"), "our WIM applied by wimlib");
        assertEquals(reference, applied(ourWim, applyFlag, false, "c"), "our WIM applied by us");
    }

    /** The applied tree, the target directory's path replaced by TARGET (fixed links start with it). */
    private List<String> applied(Path wim, String flag, boolean byWimlib, String name) throws Exception {
        Path target = tmp.resolve(name);
        List<String> a = args("apply", wim, target, flag);
        CliOracle.Run r = byWimlib ? CliOracle.wimlib(Map.of(), NO_INPUT, a) : CliOracle.ours(Map.of(), NO_INPUT, a);
        assertEquals(0, r.rc(), r.err());
        List<String> out = new ArrayList<>();
        for (String line : CliOracle.tree(target)) {
            out.add(line.replace(target.toAbsolutePath().toString(), "TARGET"));
        }
        return out;
    }

    private static List<String> args(String command, Path from, Path to, String flag) {
        List<String> l = new ArrayList<>(List.of(command, from.toString(), to.toString()));
        if (!flag.isEmpty()) {
            l.add(flag);
        }
        return l;
    }
}
