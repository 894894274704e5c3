package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.ChildJvm;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: {@code append}, {@code update} (in place) and {@code optimize} (new file) run
 * in a child JVM that is killed with SIGKILL after a random delay, 25 times on the same WIM.
 * After every kill the WIM verifies (wimlib and our verifier) and still lists its images (an
 * operation that got to its end may have added one); whatever an interrupted optimize left
 * beside it is not a valid WIM.
 */
class InPlaceCrashTest {
    private static final int ITERATIONS = 25;
    private static final int BIG_FILES = 3;
    private static final int BIG_SIZE = 6 << 20;

    @TempDir
    Path tmp;

    @Test
    void killedWritesLeaveTheWimValid() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path dir = Files.createDirectories(tmp.resolve("wim"));
        Path wim = dir.resolve("crash.wim");
        Path small = TestTrees.make(tmp.resolve("small"));
        Wimlib.ok("capture", small.toString(), wim.toString(), "base", "--compress=XPRESS", "--check");
        Path big = Files.createDirectories(tmp.resolve("big"));
        Random rnd = new Random(1234);
        byte[][] contents = new byte[BIG_FILES][];
        for (int f = 0; f < BIG_FILES; f++) {
            contents[f] = TestTrees.bytes(rnd, BIG_SIZE);
        }

        // One full run, for how long an operation takes.
        Path scratch = Files.copy(wim, tmp.resolve("scratch.wim"));
        writeBig(big, contents, -1);
        long t0 = System.nanoTime();
        assertEquals(0, finish(ChildJvm.start("append", big.toString(), scratch.toString(), "timing")));
        long millis = Math.max(200, (System.nanoTime() - t0) / 1_000_000);

        List<String> names = new ArrayList<>(List.of("base"));
        int killedRunning = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            writeBig(big, contents, i); // new data every time, so that there is something to write
            String name = "run-" + i;
            int op = i % 3;
            Process p = switch (op) {
                case 0 -> ChildJvm.start("append", big.toString(), wim.toString(), name);
                case 1 -> ChildJvm.start("update", wim.toString(), "1", "--command=add " + big + " /" + name);
                default -> ChildJvm.start("optimize", wim.toString(), "--recompress");
            };
            Thread.sleep(rnd.nextLong(millis + millis / 5));
            if (p.isAlive()) {
                killedRunning++;
            }
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);

            String what = "iteration " + i + " (" + (op == 0 ? "append" : op == 1 ? "update" : "optimize") + ")";
            Wimlib.ok("verify", wim.toString());
            try (WimFile w = WimFile.open(wim)) {
                w.verify(WimProgress.NONE).throwIfFailed();
                List<String> now = w.images().stream().map(WimImageInfo::name).toList();
                if (op == 0 && now.size() == names.size() + 1) {
                    names.add(name); // the append completed before the kill
                }
                assertEquals(names, now, what);
                assertEquals(0, w.header().flags() & WimHeader.FLAG_WRITE_IN_PROGRESS, what);
            }
            for (Path left : Files.list(dir).filter(f -> !f.equals(wim)).toList()) {
                assertNotEquals(0, Wimlib.run("verify", left.toString()).rc(), what + ": " + left + " looks valid");
                Files.delete(left);
            }
        }
        assertTrue(killedRunning >= ITERATIONS / 5, "only " + killedRunning + " kills landed while writing");
    }

    private static void writeBig(Path big, byte[][] contents, int iteration) throws IOException {
        for (int f = 0; f < contents.length; f++) {
            byte[] b = contents[f].clone();
            String mark = "iteration " + iteration + " file " + f;
            for (int at = 0; at < b.length; at += 1 << 20) {
                System.arraycopy(mark.getBytes(), 0, b, at, mark.length());
            }
            Files.write(big.resolve("big-" + f + ".bin"), b);
        }
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM hung");
        }
        return p.exitValue();
    }
}
