package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.IntegrityException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.TruncatedWimException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt WIMs give typed {@link WimException}s (never unchecked exceptions, hangs or
 * OutOfMemoryError), also in a child JVM with a 64 MiB heap.
 */
class CorruptFixturesTest {
    @TempDir
    Path tmp;

    @Test
    void openFailuresAreTyped() {
        assertThrows(TruncatedWimException.class, () -> WimFile.open(Fixtures.path("corrupt/truncated-half.wim")));
        assertThrows(TruncatedWimException.class, () -> WimFile.open(Fixtures.path("corrupt/truncated-header.wim")));
        assertThrows(NotAWimException.class, () -> WimFile.open(Fixtures.path("corrupt/bad-magic.wim")));
    }

    @Test
    void verifyFailuresAreTyped() throws IOException {
        try (WimFile wim = WimFile.open(Fixtures.path("corrupt/bitflip-resource.wim"))) {
            WimVerifyReport r = wim.verify(WimProgress.NONE);
            assertEquals(1, r.badBlobs().size());
            assertThrows(BlobHashMismatchException.class, r::throwIfFailed);
        }
        try (WimFile wim = WimFile.open(Fixtures.path("corrupt/bitflip-resource-integrity.wim"))) {
            assertThrows(IntegrityException.class, () -> wim.verify(WimProgress.NONE));
        }
        try (WimFile wim = WimFile.open(Fixtures.path("corrupt/split-part1-only.swm"))) {
            assertThrows(MissingSplitPartException.class, () -> wim.verify(WimProgress.NONE).throwIfFailed());
        }
    }

    @Test
    void cancellationIsTyped() throws IOException {
        try (WimFile wim = WimFile.open(Fixtures.path("lzx.wim"))) {
            WimProgress cancelled = new WimProgress() {
                @Override
                public boolean isCanceled() {
                    return true;
                }
            };
            assertThrows(WimCancelledException.class, () -> wim.verify(cancelled));
        }
    }

    /** Every corrupt fixture, in a JVM with -Xmx64m: exit codes as wimlib's. */
    @Test
    void corruptFixturesInSmallHeap() throws Exception {
        Map<String, int[]> expected = Map.of( // info rc, verify rc
                "corrupt/truncated-half.wim", new int[] { 65, 65 }, "corrupt/truncated-header.wim", new int[] { 65, 65 },
                "corrupt/bad-magic.wim", new int[] { 43, 43 }, "corrupt/bitflip-resource.wim", new int[] { 0, 28 },
                "corrupt/bitflip-resource-integrity.wim", new int[] { 0, 13 },
                "corrupt/split-part1-only.swm", new int[] { 0, 55 });
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            assertEquals(e.getValue()[0], childJvm("info", Fixtures.path(e.getKey()).toString()), "info " + e.getKey());
            assertEquals(e.getValue()[1], childJvm("verify", Fixtures.path(e.getKey()).toString()), "verify " + e.getKey());
        }
    }

    private static int childJvm(String... args) throws Exception {
        return ChildJvm.run("64m", 60, java.util.concurrent.TimeUnit.SECONDS, args);
    }

    /**
     * Random damage (bit flips in every structure, truncations) to compressed, solid and
     * pipable fixtures: every failure must be an IOException, quickly.
     */
    @Test
    void randomDamageGivesTypedErrors() throws IOException {
        Random rnd = new Random(20240601);
        for (String fixture : List.of("lzx.wim", "xpress.wim", "lzms.wim", "solid.esd", "pipable.wim", "none.wim")) {
            byte[] good = Files.readAllBytes(Fixtures.path(fixture));
            for (int round = 0; round < 40; round++) {
                byte[] bad = good.clone();
                int len = bad.length;
                if (round % 5 == 4) {
                    len = rnd.nextInt(bad.length);
                } else {
                    for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                        int at = pickOffset(rnd, bad.length, round);
                        bad[at] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                Path f = tmp.resolve(fixture + "." + round);
                Files.write(f, java.util.Arrays.copyOf(bad, len));
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> exercise(f), f.toString());
            }
        }
    }

    /** Biased to the header, the end (blob table, XML) and anywhere. */
    private static int pickOffset(Random rnd, int size, int round) {
        return switch (round % 3) {
            case 0 -> rnd.nextInt(Math.min(208, size));
            case 1 -> size - 1 - rnd.nextInt(Math.min(4096, size));
            default -> rnd.nextInt(size);
        };
    }

    private static void exercise(Path f) {
        try (WimFile wim = WimFile.open(f)) {
            for (int i = 1; i <= wim.imageCount(); i++) {
                WimImage image = wim.openImage(i);
                if (image.root() != null) {
                    image.walk(image.root(), e -> e.streams());
                }
            }
            wim.verify(WimProgress.NONE);
            if (wim.imageCount() > 0) {
                Path out = Files.createTempDirectory(f.getParent(), "x");
                WimExtractor.extract(wim.openImage(1), List.of(), out, org.fenestra.wim.model.ExtractOptions.defaults(),
                        WimProgress.NONE);
            }
        } catch (IOException expected) {
            // typed failure: fine
        } catch (RuntimeException | Error e) {
            throw new AssertionError(f + File.separator + ": untyped failure " + e, e);
        }
    }
}
