package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} keeping the compression copies a blob that the source WIM stores raw
 * (incompressible data in a compressed WIM) as it is: it stays raw in the output, byte for
 * byte. Copied bytes are still read and hashed first: a byte changed inside that raw resource
 * of the source stops the export (wimlib's export passes it on).
 */
class RawCopyExportTest {
    @TempDir
    Path tmp;

    @Test
    void incompressibleBlobOfLzxWimIsCopiedRawAndCheckedFirst() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Files.write(tree.resolve("noise.bin"), noise);
        Files.writeString(tree.resolve("text.txt"), "compressible ".repeat(5000));
        Path src = tmp.resolve("src.wim");
        Wimlib.ok("capture", tree.toString(), src.toString(), "--compress=LZX");
        long at = rawBlobOffset(Wimlib.ok("info", src.toString(), "--blobs"), noise.length);

        Path ours = tmp.resolve("ours.wim");
        Fixtures.Run run = Fixtures.cli("export", src.toString(), "1", ours.toString());
        assertEquals(0, run.rc(), run.stderr());
        assertArrayEquals(noise, readAt(ours, rawBlobOffset(Wimlib.ok("info", ours.toString(), "--blobs"),
                noise.length), noise.length));

        try (RandomAccessFile f = new RandomAccessFile(src.toFile(), "rw")) {
            f.seek(at + 1000);
            f.write(~noise[1000]);
        }
        Path fromDamaged = tmp.resolve("from-damaged.wim");
        run = Fixtures.cli("export", src.toString(), "1", fromDamaged.toString());
        assertEquals(28, run.rc(), run.stderr());
        assertFalse(Files.exists(fromDamaged));
    }

    /** Offset of the blob of {@code size} bytes stored without the COMPRESSED flag. */
    private static long rawBlobOffset(String blobs, long size) {
        Matcher m = Pattern.compile("Uncompressed size = " + size + " bytes\nCompressed size   = " + size
                + " bytes\nOffset in WIM     = (\\d+) bytes\n(?:.*\n){2}Flags             = (.*)\n").matcher(blobs);
        assertTrue(m.find(), blobs);
        assertEquals("", m.group(2).trim(), m.group());
        return Long.parseLong(m.group(1));
    }

    private static byte[] readAt(Path file, long at, int length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] b = new byte[length];
            f.seek(at);
            f.readFully(b);
            return b;
        }
    }
}
