package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our CLI output against wimlib-imagex's, saved in data/expected by the fixture script.
 *
 * <p>Normalized (wimlib derives these from elsewhere): the first line of each info file is the
 * command echo ({@code $ wimlib-imagex info F}); the {@code Path:} line shows the path as
 * given, so we pass the same relative path ({@code data/} prefix stripped before comparing);
 * the {@code rc=} line is compared with our exit code. Error texts of failing commands differ
 * (ours name structure and offset), so for failures only the exit code is compared. The split
 * set's dir listings were made with {@code --ref="split*.swm"}, so we pass the same refs.
 */
class WimCommandOracleTest {

    static List<String> allFixtures() {
        List<String> all = new ArrayList<>(Fixtures.VALID);
        all.addAll(Fixtures.CORRUPT);
        return all;
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void infoMatchesWimlib(String fixture) throws IOException {
        String expectedFile = Fixtures.expectedName(fixture) + ".info.txt";
        int rc = Fixtures.expectedRc(expectedFile);
        Fixtures.Run run = Fixtures.cli("info", Fixtures.path(fixture).toString());
        assertEquals(rc, run.rc(), run.stderr());
        if (rc == 0) {
            String expected = Fixtures.expected(expectedFile);
            expected = expected.substring(expected.indexOf('\n') + 1).replaceFirst("(?m)^rc=\\d+\n?\\z", "");
            assertEquals(expected, run.out().replace("Path:           data/", "Path:           "));
        }
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void xmlMatchesWimlib(String fixture) throws IOException {
        String expected = Fixtures.expected(Fixtures.expectedName(fixture) + ".xml");
        Fixtures.Run run = Fixtures.cli("xml", Fixtures.path(fixture).toString());
        if (expected.isEmpty()) {
            assertTrue(run.rc() != 0, "wimlib could not read the XML, neither should we");
            return;
        }
        assertEquals(0, run.rc(), run.stderr());
        assertEquals(expected, new String(run.stdout(), StandardCharsets.UTF_16LE));
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void dirMatchesWimlib(String fixture) throws IOException {
        int images = imageCount(fixture);
        for (int i = 1; i <= images; i++) {
            for (boolean detailed : new boolean[] { false, true }) {
                String expectedFile = Fixtures.expectedName(fixture) + ".image" + i
                        + (detailed ? ".dir-detailed.txt" : ".dir.txt");
                List<String> args = new ArrayList<>(List.of("dir", Fixtures.path(fixture).toString(), String.valueOf(i)));
                if (detailed) {
                    args.add("--detailed");
                }
                if (fixture.equals("split.swm")) {
                    args.add("--ref=" + Fixtures.path("split*.swm"));
                }
                Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
                assertEquals(0, run.rc(), run.stderr());
                assertEquals(Fixtures.expected(expectedFile), run.out(), expectedFile);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void verifyVerdictMatchesWimlib(String fixture) throws IOException {
        int rc = Fixtures.expectedRc(Fixtures.expectedName(fixture) + ".verify.txt");
        Fixtures.Run run = Fixtures.cli("verify", Fixtures.path(fixture).toString());
        assertEquals(rc, run.rc(), run.stderr());
    }

    @org.junit.jupiter.api.Test
    void splitSetVerifiesWithItsReferenceParts() throws IOException {
        int rc = Fixtures.expectedRc("split.swm.verify-with-refs.txt");
        Fixtures.Run run = Fixtures.cli("verify", Fixtures.path("split.swm").toString(),
                "--ref=" + Fixtures.path("split*.swm"));
        assertEquals(rc, run.rc(), run.stderr());
        assertTrue(run.out().contains("was successfully verified"));
    }

    @org.junit.jupiter.api.Test
    void bitflipReportsWimlibsHashes() throws IOException {
        Fixtures.Run run = Fixtures.cli("verify", Fixtures.path("corrupt/bitflip-resource.wim").toString());
        String expected = Fixtures.expected("corrupt_bitflip-resource.wim.verify.txt");
        for (String key : new String[] { "Expected SHA-1: ", "Actual SHA-1: ", "Resource offset in WIM: " }) {
            assertEquals(field(expected, key), field(run.stderr(), key), key);
        }
    }

    private static String field(String text, String key) {
        Matcher m = Pattern.compile(Pattern.quote(key) + "(\\S+)").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static int imageCount(String fixture) throws IOException {
        Matcher m = Pattern.compile("(?m)^Image Count:\\s+(\\d+)").matcher(
                Fixtures.expected(Fixtures.expectedName(fixture) + ".info.txt"));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
