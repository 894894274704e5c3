package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What capture leaves out, side by side with wimlib-imagex: its default Windows exclusions
 * without {@code --config}, a configuration file with an exception, and both with
 * {@code WIMLIB_IMAGEX_IGNORE_CASE} set or not. Compared: the image listing and the
 * "Excluding ..." lines.
 */
class CaptureExclusionsOracleTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path source;

    @BeforeAll
    static void makeVolumeLikeTree() throws IOException {
        source = shared.resolve("volume");
        for (String dir : new String[] { "System Volume Information", "Windows/CSC/v2.0.6", "Windows/System32",
                "$RECYCLE.BIN/S-1-5-21", "RECYCLER", "Users/admin", "sub" }) {
            Files.createDirectories(source.resolve(dir));
        }
        for (String file : new String[] { "pagefile.sys", "hiberfil.sys", "swapfile.sys", "$ntfs.log", "PAGEFILE.SYS",
                "System Volume Information/tracking.log", "Windows/CSC/v2.0.6/cache", "Windows/System32/kernel32.dll",
                "$RECYCLE.BIN/S-1-5-21/$R1.txt", "Users/admin/notes.txt", "Users/admin/debug.log", "sub/pagefile.sys",
                "sub/keep.LOG" }) {
            Files.writeString(source.resolve(file), "data of " + file + "\n");
        }
    }

    @ParameterizedTest
    @CsvSource({ "default,", "default,1", "default,no", "config,", "config,yes" })
    void captureLeavesOutWhatWimlibLeavesOut(String mode, String ignoreCase) throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        List<String> extra = new ArrayList<>();
        if (mode.equals("config")) {
            Path config = tmp.resolve("config.ini");
            Files.writeString(config, "[ExclusionList]\n*.log\n/Users\n\n[ExclusionException]\n/Users/admin/notes.txt\n");
            extra.add("--config=" + config);
        }
        Map<String, String> env = ignoreCase == null ? Map.of() : Map.of(CaptureConfigs.IGNORE_CASE_VARIABLE, ignoreCase);
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        String theirOut = run(env, list("capture", source.toString(), theirs.toString(), extra));
        String ourOut = ours(env, list("capture", source.toString(), ours.toString(), extra));
        assertEquals(excludingLines(theirOut), excludingLines(ourOut));
        assertEquals(run(Map.of(), List.of("dir", theirs.toString(), "1")), run(Map.of(), List.of("dir", ours.toString(), "1")));
        if (mode.equals("default")) {
            List<String> listing = run(Map.of(), List.of("dir", ours.toString(), "1")).lines().toList();
            assertFalse(listing.contains("/pagefile.sys"), listing.toString());
            assertTrue(listing.contains("/sub/pagefile.sys"), "anchored patterns only match at the root: " + listing);
            assertEquals(!"1".equals(ignoreCase), listing.contains("/PAGEFILE.SYS"), listing.toString());
        }
    }

    /** {@code update}'s add commands leave out the same files below the added source. */
    @ParameterizedTest
    @CsvSource({ "default,", "default,1", "config," })
    void updateAddLeavesOutWhatWimlibLeavesOut(String mode, String ignoreCase) throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        Map<String, String> env = ignoreCase == null ? Map.of() : Map.of(CaptureConfigs.IGNORE_CASE_VARIABLE, ignoreCase);
        List<String> extra = new ArrayList<>();
        if (mode.equals("config")) {
            Path config = tmp.resolve("config.ini");
            Files.writeString(config, "[ExclusionList]\n*.log\n");
            extra.add("--config=" + config);
        }
        Path base = tmp.resolve("base");
        Files.createDirectories(base.resolve("keep"));
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        run(Map.of(), List.of("capture", base.toString(), theirs.toString()));
        run(Map.of(), List.of("capture", base.toString(), ours.toString()));
        String add = "--command=add " + source + " /added";
        run(env, list("update", theirs.toString(), add, extra));
        ours(env, list("update", ours.toString(), add, extra));
        assertEquals(run(Map.of(), List.of("dir", theirs.toString(), "1")), run(Map.of(), List.of("dir", ours.toString(), "1")));
    }

    /** {@code append --create} captures a new WIM when there is none, and appends otherwise. */
    @Test
    void appendCreateMakesTheWimFirst() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        Path wim = tmp.resolve("new.wim");
        ours(Map.of(), List.of("append", source.resolve("Users").toString(), wim.toString(), "one", "--create"));
        ours(Map.of(), List.of("append", source.resolve("sub").toString(), wim.toString(), "two", "--create"));
        String info = run(Map.of(), List.of("info", wim.toString()));
        assertTrue(info.contains("Image Count:    2"), info);
        assertTrue(run(Map.of(), List.of("verify", wim.toString())).contains("successfully verified"));
    }

    private static List<String> list(String command, String a, String b, List<String> extra) {
        List<String> l = new ArrayList<>(List.of(command, a, b));
        l.addAll(extra);
        return l;
    }

    /** The "Excluding ..." messages, each a line. */
    private static List<String> excludingLines(String out) {
        return out.lines().filter(l -> l.startsWith("Excluding ")).sorted().toList();
    }

    private static String run(Map<String, String> env, List<String> args) throws Exception {
        SideBySide.Result r = SideBySide.wimlib(env, args);
        assertEquals(0, r.rc(), r.out() + r.err());
        return r.out();
    }

    private static String ours(Map<String, String> env, List<String> args) {
        SideBySide.Result r = SideBySide.ours(env, args);
        assertEquals(0, r.rc(), r.err());
        return r.out();
    }
}
