package org.fenestra.wim.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts of a synthetic Windows tree, read from a WIM that wimlib-imagex captured (so the hives
 * come out of real blobs) and from the directory itself, agree with the tree's spec and with what
 * wimlib wrote in the WIM's XML.
 */
class WindowsFactsTest {

    @TempDir
    Path dir;

    @Test
    void aCapturedWindowsTreeGivesItsFactsAsWimlibReadsThem() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path tree = Files.createDirectories(dir.resolve("tree"));
        SyntheticWindowsTree.write(tree, spec);
        Path wimPath = capture(tree, "LZX");

        WindowsFacts facts;
        WimImageInfo xml;
        try (WimFile wim = WimFile.open(wimPath)) {
            facts = WindowsTrees.facts(wim.openImage(1), WimProgress.NONE);
            xml = wim.image(1);
        }

        assertEquals(new WindowsFacts("WINDOWS", 9, "Windows 10 Enterprise", "Enterprise", "Client", 10, 0, "26100",
                26100, 4317, "24H2", 4317, 0, "WinNT", "Terminal Server", "acpiapic", List.of("de-DE", "en-US"),
                "en-US", List.of()), facts);
        assertEquals(facts, WindowsTrees.facts(tree), "read from the directory, as capture does");
        // wimlib read the same hives into the WIM's <WINDOWS> element
        assertEquals(facts.architecture(), xml.architecture());
        assertEquals(facts.productName(), xml.productName());
        assertEquals(facts.editionId(), xml.editionId());
        assertEquals(facts.installationType(), xml.installationType());
        assertEquals(facts.build(), xml.versionBuild());
        assertEquals(facts.spBuild(), xml.versionSpBuild());
        assertEquals(facts.languages(), xml.languages());
        assertEquals(facts.defaultLanguage(), xml.defaultLanguage());
        assertEquals(facts.systemRoot(), xml.systemRoot());
    }

    @Test
    void aTreeWithoutWindowsIsNotWindowsWithoutWarnings() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/usr/share/doc"));
        Files.writeString(tree.resolve("README"), "not Windows");
        Files.createDirectories(dir.resolve("tree/Windows/Fonts")); // a Windows folder without System32
        Path wimPath = capture(dir.resolve("tree"), "XPRESS");

        try (WimFile wim = WimFile.open(wimPath)) {
            WindowsFacts facts = WindowsTrees.facts(wim.openImage(1), WimProgress.NONE);
            assertEquals(WindowsFacts.NOT_WINDOWS, facts);
            assertFalse(facts.isWindows());
        }
    }

    @Test
    void aCorruptHiveIsAWarningAndTheOtherFilesStillCount() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path software = SyntheticWindowsTree.write(tree, spec);
        byte[] bytes = Files.readAllBytes(software);
        Files.write(software, java.util.Arrays.copyOf(bytes, 4096 + 100)); // cut inside the first hive bin
        Path wimPath = capture(tree, "LZX");

        try (WimFile wim = WimFile.open(wimPath)) {
            WindowsFacts facts = WindowsTrees.facts(wim.openImage(1), WimProgress.NONE);
            assertTrue(facts.isWindows());
            assertEquals("", facts.productName());
            assertEquals(-1, facts.ubr());
            assertEquals(9, facts.architecture(), "kernel32.dll still read");
            assertEquals(List.of("de-DE", "en-US"), facts.languages(), "SYSTEM still read");
            assertEquals(1, facts.warnings().size(), facts.warnings().toString());
            assertTrue(facts.warnings().get(0).contains("Windows/System32/config/SOFTWARE is not a usable registry hive"),
                    facts.warnings().get(0));
        }
    }

    private Path capture(Path tree, String compression) throws IOException, InterruptedException {
        Path wim = dir.resolve("captured-" + compression + ".wim");
        List<String> command = new ArrayList<>(List.of("/usr/bin/wimlib-imagex", "capture", tree.toString(),
                wim.toString(), "Synthetic", "--compress=" + compression));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "wimlib-imagex capture timed out");
        assertEquals(0, process.exitValue(), out);
        return wim;
    }
}
