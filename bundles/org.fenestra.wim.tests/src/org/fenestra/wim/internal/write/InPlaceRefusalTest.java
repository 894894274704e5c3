package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimUpdater;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimLockedException;
import org.fenestra.wim.internal.cli.WimCommand;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.OptimizeOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Changes that must be refused or that fail: wimlib's exit code, and the WIM byte for byte as
 * it was, with no file left beside it.
 */
class InPlaceRefusalTest {
    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = TestTrees.make(tmp.resolve("tree"));
    }

    private static Path copyWithFlag(String fixture, int setFlag, Path dir) throws Exception {
        Path p = Files.copy(Fixtures.path(fixture), dir.resolve(Path.of(fixture).getFileName()));
        if (setFlag != 0) {
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.seek(16);
                int flags = Integer.reverseBytes(f.readInt());
                f.seek(16);
                f.writeInt(Integer.reverseBytes(flags | setFlag));
            }
        }
        return p;
    }

    private static Fixtures.Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(args);
        }
        return new Fixtures.Run(rc, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} flag={2}: rc {3}")
    @CsvSource(delimiter = ';', value = { //
            "append; lzx.wim; 4; 71", "delete; lzx.wim; 4; 71", "update; lzx.wim; 4; 71", "optimize; lzx.wim; 4; 71",
            "export; lzx.wim; 4; 71", "append; split.swm; 0; 71", "optimize; split.swm; 0; 71",
            "append; pipable.wim; 0; 68", "update; pipable.wim; 0; 68", "optimize; pipable.wim; 0; 68",
            "append; solid.esd; 0; 68", "update; solid.esd; 0; 68",
            "append; lzx.wim; 64; 71", "export; lzx.wim; 64; 71", "append-same-name; lzx.wim; 0; 11",
            "export-same-name; lzx.wim; 0; 11", "delete-bad-index; lzx.wim; 0; 18",
            "update-delete-dir; lzx.wim; 0; 32", "update-under-file; lzx.wim; 0; 40",
            "update-rename-missing; lzx.wim; 0; 49", "update-missing-source; lzx.wim; 0; 47" })
    void refusedOrFailedLeavesTheWimAsItWas(String op, String fixture, int flag, int rc) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(op + "-" + fixture + "-" + flag));
        Path wim = copyWithFlag(fixture, flag, dir);
        byte[] before = Files.readAllBytes(wim);
        String w = wim.toString();
        String other = Fixtures.path("xpress.wim").toString();
        Fixtures.Run r = switch (op) {
            case "append" -> run("", "append", tree.toString(), w, "new");
            case "delete" -> run("", "delete", w, "1");
            case "update" -> run("delete --recursive /chunks\n", "update", w, "1");
            case "optimize" -> run("", "optimize", w);
            case "export" -> run("", "export", other, "1", w, "exported");
            case "append-same-name" -> run("", "append", tree.toString(), w, "basic");
            case "export-same-name" -> run("", "export", other, "1", w, "basic");
            case "delete-bad-index" -> run("", "delete", w, "5");
            case "update-delete-dir" -> run("delete /chunks\n", "update", w);
            case "update-under-file" -> run("add " + tree.resolve("text.txt") + " /chunks/one-byte.bin/x\n", "update", w);
            case "update-rename-missing" -> run("rename /nothing /else\n", "update", w);
            case "update-missing-source" -> run("add " + dir.resolve("missing") + " /x\n", "update", w);
            default -> throw new IllegalArgumentException(op);
        };
        assertEquals(rc, r.rc(), r.stderr());
        assertArrayEquals(before, Files.readAllBytes(wim), "the WIM changed");
        assertEquals(List.of(wim), Files.list(dir).toList(), "a file was left beside the WIM");
    }

    /** A progress that cancels once {@code after} bytes were reported. */
    private static WimProgress cancelAfter(long after) {
        AtomicLong done = new AtomicLong();
        return new WimProgress() {
            @Override
            public void worked(long work) {
                done.addAndGet(work);
            }

            @Override
            public boolean isCanceled() {
                return done.get() > after;
            }
        };
    }

    @Test
    void cancelledAppendTruncatesBack() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel-append"));
        Path wim = copyWithFlag("integrity.wim", 0, dir);
        byte[] before = Files.readAllBytes(wim);
        assertThrows(WimCancelledException.class, () -> WimUpdater.append(wim, tree, CaptureOptions.named("new"),
                ModifyOptions.defaults(), cancelAfter(500_000)));
        assertArrayEquals(before, Files.readAllBytes(wim));
        assertEquals(List.of(wim), Files.list(dir).toList());
    }

    @Test
    void cancelledUpdateTruncatesBack() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel-update"));
        Path wim = copyWithFlag("xpress.wim", 0, dir);
        byte[] before = Files.readAllBytes(wim);
        assertThrows(WimCancelledException.class, () -> WimUpdater.update(wim, 1,
                List.of(new UpdateCommand.Add(tree, "/added", false)), ModifyOptions.defaults(), cancelAfter(500_000)));
        assertArrayEquals(before, Files.readAllBytes(wim));
    }

    @Test
    void cancelledOptimizeLeavesNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel-optimize"));
        Path wim = copyWithFlag("multi.wim", 0, dir);
        byte[] before = Files.readAllBytes(wim);
        assertThrows(WimCancelledException.class, () -> WimUpdater.optimize(wim,
                new OptimizeOptions(null, 0, 50, true, ModifyOptions.Integrity.KEEP), cancelAfter(100_000)));
        assertArrayEquals(before, Files.readAllBytes(wim));
        assertEquals(List.of(wim), Files.list(dir).toList());
    }

    /** While another writer holds the WIM's lock, an in-place change is refused (wimlib's ALREADY_LOCKED). */
    @Test
    void lockedWimIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("locked"));
        Path wim = copyWithFlag("lzx.wim", 0, dir);
        byte[] before = Files.readAllBytes(wim);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(wim,
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = ch.lock()) {
            assertThrows(WimLockedException.class, () -> WimUpdater.append(wim, tree, CaptureOptions.named("new"),
                    ModifyOptions.defaults(), WimProgress.NONE));
            assertEquals(1, run("", "append", tree.toString(), wim.toString(), "new").rc());
        }
        assertArrayEquals(before, Files.readAllBytes(wim));
        WimUpdater.append(wim, tree, CaptureOptions.named("new"), ModifyOptions.defaults(), WimProgress.NONE);
    }

    /** A leftover tail (as an interrupted append leaves) is overwritten by the next append, which then verifies. */
    @Test
    void appendAfterAnInterruptedOneReusesTheTail() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tail"));
        Path wim = copyWithFlag("lzx.wim", 0, dir);
        Files.write(wim, new byte[123_456], java.nio.file.StandardOpenOption.APPEND);
        WimUpdater.append(wim, tree, CaptureOptions.named("new"), ModifyOptions.defaults(), WimProgress.NONE);
        try (WimFile w = WimFile.open(wim)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            assertEquals(2, w.imageCount());
            assertEquals(0, w.header().flags() & WimHeader.FLAG_WRITE_IN_PROGRESS);
        }
        if (Wimlib.present()) {
            Wimlib.ok("verify", wim.toString());
        }
    }
}
