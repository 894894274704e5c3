package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As wimlib: an image exported (or rebuilt by optimize) unchanged into a WIM compressed the same
 * way keeps its metadata resource as it is stored, instead of having it built and compressed
 * again. Seen from outside: the output's metadata resource is wimlib's compressed bytes, and the
 * output still verifies and lists the same tree.
 */
class MetadataRawCopyTest {
    @TempDir
    Path tmp;

    @Test
    void exportKeepsTheStoredMetadataResource() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = wimlibCapture("LZX");
        Path ours = tmp.resolve("ours.wim");
        Fixtures.Run run = Fixtures.cli("export", src.toString(), "1", ours.toString());
        assertEquals(0, run.rc(), run.stderr());
        assertArrayEquals(metadataBytes(src), metadataBytes(ours));
        Wimlib.ok("verify", ours.toString());
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", src.toString(), "1", "--detailed"), true),
                Wimlib.normalizedDir(Wimlib.ok("dir", ours.toString(), "1", "--detailed"), true));
    }

    @Test
    void optimizeKeepsTheStoredMetadataResource() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = wimlibCapture("XPRESS");
        byte[] before = metadataBytes(src);
        Fixtures.Run run = Fixtures.cli("optimize", src.toString());
        assertEquals(0, run.rc(), run.stderr());
        assertArrayEquals(before, metadataBytes(src));
        Wimlib.ok("verify", src.toString());
    }

    @Test
    void otherCompressionBuildsTheMetadataAgain() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = wimlibCapture("LZX");
        Path ours = tmp.resolve("ours.wim");
        Fixtures.Run run = Fixtures.cli("export", src.toString(), "1", ours.toString(), "--compress=XPRESS");
        assertEquals(0, run.rc(), run.stderr());
        Wimlib.ok("verify", ours.toString());
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", src.toString(), "1", "--detailed"), false),
                Wimlib.normalizedDir(Wimlib.ok("dir", ours.toString(), "1", "--detailed"), false));
    }

    private Path wimlibCapture(String compression) throws Exception {
        Path tree = TestTrees.make(Files.createDirectories(tmp.resolve("tree")));
        Path wim = tmp.resolve("src-" + compression + ".wim");
        Wimlib.ok("capture", tree.toString(), wim.toString(), "--compress=" + compression);
        return wim;
    }

    /** The stored (compressed) bytes of the WIM's only metadata resource, as wimlib locates it. */
    private static byte[] metadataBytes(Path wim) throws Exception {
        Matcher m = Pattern.compile("Compressed size   = (\\d+) bytes\nOffset in WIM     = (\\d+) bytes\n(?:.*\n){2}"
                + "Flags             = .*WIM_RESHDR_FLAG_METADATA").matcher(Wimlib.ok("info", wim.toString(), "--blobs"));
        assertTrue(m.find(), "no metadata resource listed");
        try (RandomAccessFile f = new RandomAccessFile(wim.toFile(), "r")) {
            byte[] b = new byte[Integer.parseInt(m.group(1))];
            f.seek(Long.parseLong(m.group(2)));
            f.readFully(b);
            return b;
        }
    }
}
