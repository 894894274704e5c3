package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Extract a specific image index" (export of one image) on a multi-GB image, in a JVM whose
 * heap is a small fraction of the image: the export must stream, whatever the image size.
 */
class LargeImageExportTest {

    private static final long LARGE_FILE = 3L << 30;

    @TempDir
    Path dir;

    @Test
    void exportingOneIndexOfAThreeGibImageRecompressesItIn64MibOfHeap() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.writeString(small.resolve("readme.txt"), "index 1 is small\n");
        Path large = Files.createDirectories(dir.resolve("large"));
        sparseWithRandomIslands(large.resolve("disk.img"));
        Files.copy(Wimlib.EXE, large.resolve("wimlib-imagex"));
        Path source = dir.resolve("install.wim");
        Wimlib.ok("capture", small.toString(), source.toString(), "Small", "--compress=XPRESS");
        Wimlib.ok("append", large.toString(), source.toString(), "Large");
        Path extracted = dir.resolve("install-index2.wim");

        int rc = ChildJvm.run("64m", 15, TimeUnit.MINUTES, "export", source.toString(), "2", extracted.toString(),
                "--recompress");

        assertEquals(0, rc, "export in a 64 MiB heap");
        Wimlib.ok("verify", extracted.toString());
        String info = Wimlib.ok("info", extracted.toString());
        assertTrue(info.matches("(?s).*Image Count: +1\\n.*"), info);
        assertTrue(info.matches("(?s).*Name: +Large\\n.*"), info);
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", source.toString(), "2", "--detailed"), false),
                Wimlib.normalizedDir(Wimlib.ok("dir", extracted.toString(), "1", "--detailed"), false));
    }

    /** 3 GiB that is mostly a hole, with 1 MiB of random bytes every 256 MiB. */
    private static void sparseWithRandomIslands(Path file) throws IOException {
        Random random = new Random(42);
        byte[] island = new byte[1 << 20];
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(LARGE_FILE);
            for (long at = 0; at < LARGE_FILE; at += 256L << 20) {
                random.nextBytes(island);
                out.seek(at);
                out.write(island);
            }
        }
    }
}
