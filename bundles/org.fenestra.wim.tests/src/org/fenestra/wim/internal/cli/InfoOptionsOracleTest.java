package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code info --blobs} (alias {@code --lookup-table}), {@code info --extract-xml FILE},
 * {@code info --boot} and {@code export all --boot}, side by side with wimlib-imagex.
 */
class InfoOptionsOracleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = { "none.wim", "xpress.wim", "lzx.wim", "solid.esd", "multi.wim", "integrity.wim",
            "updated.wim", "split.swm", "pipable.wim" })
    void blobListingIsWimlibs(String fixture) throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        String wim = Fixtures.path(fixture).toString();
        SideBySide.Result theirs = SideBySide.wimlib("info", wim, "--blobs");
        Fixtures.Run ours = Fixtures.cli("info", wim, "--blobs");
        assertEquals(theirs.rc(), ours.rc(), ours.stderr());
        assertEquals(theirs.out(), ours.out());
        assertEquals(theirs.err(), ours.stderr());
        assertEquals(theirs.out(), Fixtures.cli("info", wim, "--lookup-table").out());
    }

    @Test
    void extractXmlWritesWimlibsBytes() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        String wim = Fixtures.path("multi.wim").toString();
        Path theirs = tmp.resolve("theirs.xml");
        Path ours = tmp.resolve("ours.xml");
        assertEquals(0, SideBySide.wimlib("info", wim, "--extract-xml", theirs.toString()).rc());
        Fixtures.Run run = Fixtures.cli("info", wim, "--extract-xml=" + ours);
        assertEquals(0, run.rc(), run.stderr());
        assertEquals("", run.out());
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void bootMarksTheImageInPlaceAsWimlibDoes() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        Path theirs = copy("multi.wim", "theirs.wim");
        Path ours = copy("multi.wim", "ours.wim");
        for (String[] args : new String[][] { { "2", "--boot" }, { "2", "--boot" }, { "--boot" }, { "7", "--boot" },
                { "0", "--boot" } }) {
            SideBySide.Result w = SideBySide.wimlib(cat("info", theirs.toString(), args));
            Fixtures.Run f = Fixtures.cli(cat("info", ours.toString(), args));
            assertEquals(w.rc(), f.rc(), String.join(" ", args) + ": " + f.stderr());
            assertEquals(layoutFree(w.out().replace(theirs.toString(), "WIM")),
                    layoutFree(f.out().replace(ours.toString(), "WIM")), String.join(" ", args));
            assertEquals(w.rc() == 0, f.stderr().isEmpty(), f.stderr());
            assertEquals(bootIndex(theirs), bootIndex(ours));
            assertTrue(SideBySide.wimlib("verify", ours.toString()).out().contains("successfully verified"));
        }
    }

    @Test
    void exportAllBootRefusesWithoutABootableImage() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        String wim = Fixtures.path("xpress.wim").toString(); // no bootable image
        SideBySide.Result theirs = SideBySide.wimlib("export", wim, "all", tmp.resolve("theirs.wim").toString(), "--boot");
        Fixtures.Run ours = Fixtures.cli("export", wim, "all", tmp.resolve("ours.wim").toString(), "--boot");
        assertEquals(255, theirs.rc());
        assertEquals(theirs.rc(), ours.rc());
        assertEquals(theirs.err(), ours.stderr());
        assertFalse(Files.exists(tmp.resolve("ours.wim")));
    }

    /**
     * Output with the integrity table's size left out: both change the WIM in place, but
     * wimlib writes its new tables over the old ones where we append them after the old end
     * (so that an interruption leaves the old WIM valid), so the bytes the table covers differ.
     */
    private static String layoutFree(String out) {
        return out.replaceAll("\\d+ KiB of \\d+ KiB \\((\\d+)%\\)", "N KiB of N KiB ($1%)");
    }

    private Path copy(String fixture, String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.copy(Fixtures.path(fixture), p, StandardCopyOption.REPLACE_EXISTING);
        p.toFile().setWritable(true);
        return p;
    }

    private static String bootIndex(Path wim) throws Exception {
        return SideBySide.wimlib("info", wim.toString()).out().lines().filter(l -> l.startsWith("Boot Index:")).findFirst()
                .orElse("none");
    }

    private static String[] cat(String command, String wim, String[] args) {
        List<String> l = new ArrayList<>(List.of(command, wim));
        l.addAll(List.of(args));
        return l.toArray(String[]::new);
    }
}
