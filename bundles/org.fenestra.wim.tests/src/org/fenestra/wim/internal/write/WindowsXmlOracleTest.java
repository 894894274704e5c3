package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture fills the {@code <WINDOWS>} element (and FLAGS, DISPLAYNAME, DISPLAYDESCRIPTION) from
 * the captured tree's hives and kernel32.dll as wimlib does: the synthetic Windows tree captured
 * by wimlib-imagex and by us gives equal elements in {@code wimlib-imagex info --xml}, and equal
 * {@code info} listings.
 */
class WindowsXmlOracleTest {

    private static final Pattern WINDOWS = Pattern.compile("<WINDOWS>.*</WINDOWS>");

    @TempDir
    Path tmp;

    @Test
    void captureAndAppendWriteTheWindowsElementAsWimlib() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        SyntheticWindowsTree.write(tree, SyntheticWindowsTree.windows11Enterprise());

        String windows = assertSameAsWimlib(tree, "capture", "Windows", "A description", "--compress=LZX");
        assertEquals("<WINDOWS><SYSTEMROOT>WINDOWS</SYSTEMROOT><ARCH>9</ARCH><EDITIONID>Enterprise</EDITIONID>"
                + "<INSTALLATIONTYPE>Client</INSTALLATIONTYPE><PRODUCTNAME>Windows 10 Enterprise</PRODUCTNAME>"
                + "<VERSION><MAJOR>10</MAJOR><MINOR>0</MINOR><BUILD>26100</BUILD><SPBUILD>4317</SPBUILD>"
                + "<SPLEVEL>0</SPLEVEL></VERSION><PRODUCTTYPE>WinNT</PRODUCTTYPE><PRODUCTSUITE>Terminal Server"
                + "</PRODUCTSUITE><HAL>acpiapic</HAL><LANGUAGES><LANGUAGE>de-DE</LANGUAGE><LANGUAGE>en-US</LANGUAGE>"
                + "<DEFAULT>en-US</DEFAULT></LANGUAGES></WINDOWS>", windows);
        assertSameAsWimlib(tree, "capture", "Flagged", "--flags=Custom", "--compress=none");
        assertSameAsWimlib(tree, "append", "Appended");
    }

    @Test
    void aCorruptHiveAndAMissingKernel32AreLeftOutAsWimlibLeavesThemOut() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Path software = SyntheticWindowsTree.write(tree, SyntheticWindowsTree.windows11Enterprise());
        Files.write(software, Arrays.copyOf(Files.readAllBytes(software), 4096 + 64));
        Files.delete(tree.resolve("Windows/System32/kernel32.dll"));

        String windows = assertSameAsWimlib(tree, "capture", "Damaged", "--compress=none");
        assertTrue(windows.startsWith("<WINDOWS><SYSTEMROOT>WINDOWS</SYSTEMROOT><VERSION><SPBUILD>4317</SPBUILD>"),
                windows);
        Path plain = Files.createDirectories(tmp.resolve("plain/data"));
        Files.writeString(plain.resolve("readme.txt"), "no Windows");
        assertEquals("", assertSameAsWimlib(tmp.resolve("plain"), "capture", "Plain", "--compress=none"));
    }

    /**
     * Captures (or appends to a WIM holding one image of {@code tree}) with wimlib-imagex and with
     * our command line, the same arguments; returns the WINDOWS element, equal in both.
     */
    private String assertSameAsWimlib(Path tree, String command, String... arguments) throws Exception {
        String tag = arguments[0];
        Path ours = tmp.resolve("ours-" + tag + ".wim");
        Path theirs = tmp.resolve("theirs-" + tag + ".wim");
        if (command.equals("append")) {
            Wimlib.ok("capture", tree.toString(), ours.toString(), "First", "--compress=XPRESS");
            Files.copy(ours, theirs);
        }
        String[] ourArgs = args(command, tree, ours, arguments);
        Fixtures.Run run = Fixtures.cli(ourArgs);
        assertEquals(0, run.rc(), run.stderr());
        Wimlib.ok(args(command, tree, theirs, arguments));

        String theirXml = xml(theirs);
        String ourXml = xml(ours);
        String theirWindows = windows(theirXml);
        assertEquals(theirWindows, windows(ourXml));
        for (String tagName : List.of("FLAGS", "DISPLAYNAME", "DISPLAYDESCRIPTION")) {
            assertEquals(element(theirXml, tagName), element(ourXml, tagName), tagName);
        }
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())),
                Wimlib.normalizedInfo(Wimlib.ok("info", ours.toString())));
        return theirWindows;
    }

    private static String[] args(String command, Path tree, Path wim, String... rest) {
        String[] all = new String[3 + rest.length];
        all[0] = command;
        all[1] = tree.toString();
        all[2] = wim.toString();
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }

    /** {@code wimlib-imagex info --xml}: the WIM's XML as wimlib reads it (UTF-16LE). */
    private static String xml(Path wim) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Wimlib.EXE.toString(), "info", wim.toString(), "--xml").start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "wimlib-imagex info --xml failed");
        return new String(out, StandardCharsets.UTF_16LE);
    }

    /** The last image's WINDOWS element, or "" without one. */
    private static String windows(String xml) {
        String last = xml.substring(xml.lastIndexOf("<IMAGE "));
        Matcher m = WINDOWS.matcher(last);
        return m.find() ? m.group() : "";
    }

    private static String element(String xml, String tag) {
        String last = xml.substring(xml.lastIndexOf("<IMAGE "));
        Matcher m = Pattern.compile("<" + tag + ">[^<]*</" + tag + ">").matcher(last);
        return m.find() ? m.group() : "";
    }
}
