package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimJoiner;
import org.fenestra.wim.WimSplitter;
import org.fenestra.wim.errors.InvalidSplitSetException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code split} and {@code join} against wimlib-imagex: our parts have wimlib's layout (same
 * headers but the GUID, same sizes), wimlib verifies, applies and joins them; we join wimlib's
 * parts to what wimlib's own join makes; a split-join round trip lists like the source; every
 * part stays under the size limit unless one resource alone is larger. Bad input fails with a
 * typed error and leaves no file.
 */
class SplitJoinOracleTest {
    @TempDir
    Path tmp;

    private static final String LIMIT_MIB = "0.02";
    private static final long LIMIT = (long) (0.02 * (1 << 20));

    @Test
    void ourSplitIsWimlibsSplit() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Fixtures.path("multi.wim");
        Path ours = tmp.resolve("ours.swm");
        Path theirs = tmp.resolve("theirs.swm");
        Fixtures.Run run = Fixtures.cli("split", src.toString(), ours.toString(), LIMIT_MIB, "--check");
        assertEquals(0, run.rc(), run.stderr());
        Wimlib.ok("split", src.toString(), theirs.toString(), LIMIT_MIB, "--check");
        List<Path> ourParts = parts(ours);
        List<Path> theirParts = parts(theirs);
        assertTrue(ourParts.size() > 3, ourParts.toString());
        assertEquals(theirParts.size(), ourParts.size());
        for (int i = 0; i < ourParts.size(); i++) {
            assertEquals(header(theirParts.get(i)), header(ourParts.get(i)), ourParts.get(i).toString());
            assertEquals(Files.size(theirParts.get(i)), Files.size(ourParts.get(i)), ourParts.get(i).toString());
            try (WimPart p = WimPart.open(ourParts.get(i))) {
                long stored = 0;
                for (BlobDescriptor b : p.blobTable().metadata()) {
                    stored += b.resource().sizeInWim();
                }
                for (BlobDescriptor b : p.blobTable().blobs().values()) {
                    stored += b.resource().sizeInWim();
                }
                assertTrue(stored < LIMIT || p.blobTable().blobs().size() + p.blobTable().metadata().size() == 1
                        || i == 0, ourParts.get(i) + " holds " + stored + " bytes");
            }
        }
        String ref = "--ref=" + tmp.resolve("ours*.swm");
        assertTrue(Wimlib.ok("verify", ours.toString(), ref).contains("successfully verified"));
        for (String image : new String[] { "1", "2", "3" }) {
            Path a = tmp.resolve("from-split-" + image);
            Path b = tmp.resolve("from-source-" + image);
            Wimlib.ok("apply", ours.toString(), image, a.toString(), ref);
            Wimlib.ok("apply", src.toString(), image, b.toString());
            Wimlib.assertSameTree(b, a);
        }
        try (WimFile w = WimFile.open(ours, ourParts)) {
            w.verify(WimProgress.NONE).throwIfFailed();
        }

        // wimlib joins our parts; we join wimlib's parts; both give the source's images.
        Path joinedByWimlib = tmp.resolve("joined-by-wimlib.wim");
        Path joinedByUs = tmp.resolve("joined-by-us.wim");
        Path wimlibJoin = tmp.resolve("wimlib-join-of-wimlib-parts.wim");
        List<String> args = new ArrayList<>(List.of("join", joinedByWimlib.toString()));
        ourParts.forEach(p -> args.add(p.toString()));
        Wimlib.ok(args.toArray(String[]::new));
        List<String> ourArgs = new ArrayList<>(List.of("join", joinedByUs.toString()));
        theirParts.reversed().forEach(p -> ourArgs.add(p.toString()));
        run = Fixtures.cli(ourArgs.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        List<String> theirArgs = new ArrayList<>(List.of("join", wimlibJoin.toString()));
        theirParts.forEach(p -> theirArgs.add(p.toString()));
        Wimlib.ok(theirArgs.toArray(String[]::new));

        assertTrue(Wimlib.ok("verify", joinedByUs.toString()).contains("successfully verified"));
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", wimlibJoin.toString())),
                Wimlib.normalizedInfo(Wimlib.ok("info", joinedByUs.toString())));
        assertEquals(headerWithoutOffsets(wimlibJoin), headerWithoutOffsets(joinedByUs));
        for (String image : new String[] { "1", "2", "3" }) {
            String expected = Wimlib.normalizedDir(Wimlib.ok("dir", src.toString(), image, "--detailed"), true);
            assertEquals(expected, Wimlib.normalizedDir(Wimlib.ok("dir", joinedByUs.toString(), image, "--detailed"), true));
            assertEquals(expected,
                    Wimlib.normalizedDir(Wimlib.ok("dir", joinedByWimlib.toString(), image, "--detailed"), true));
        }
    }

    @Test
    void joinOfTheSplitFixtureAndRoundTrip() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        List<Path> fixtureParts = List.of(Fixtures.path("split.swm"), Fixtures.path("split2.swm"),
                Fixtures.path("split3.swm"), Fixtures.path("split4.swm"));
        Path joined = tmp.resolve("joined.wim");
        List<String> args = new ArrayList<>(List.of("join", "--check", joined.toString()));
        fixtureParts.forEach(p -> args.add(p.toString()));
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        assertTrue(Wimlib.ok("verify", joined.toString()).contains("successfully verified"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Wimlib.ok("apply", joined.toString(), a.toString());
        Wimlib.ok("apply", fixtureParts.get(0).toString(), b.toString(), "--ref=" + Fixtures.path("split*.swm"));
        Wimlib.assertSameTree(b, a);

        // our split of the joined WIM, joined again by us, lists like it
        Path again = tmp.resolve("again.swm");
        List<Path> parts;
        try (WimFile w = WimFile.open(joined)) {
            parts = WimSplitter.split(w, again, 100_000, false, WimProgress.NONE);
        }
        assertEquals(parts(again), parts);
        Path rejoined = tmp.resolve("rejoined.wim");
        WimJoiner.join(parts, rejoined, false, WimProgress.NONE);
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", joined.toString(), "1", "--detailed"), true),
                Wimlib.normalizedDir(Wimlib.ok("dir", rejoined.toString(), "1", "--detailed"), true));
        try (WimFile w = WimFile.open(rejoined)) {
            w.verify(WimProgress.NONE).throwIfFailed();
        }
    }

    @Test
    void badInputFailsTypedAndLeavesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path out = dir.resolve("out.wim");
        // a missing part
        Fixtures.Run run = Fixtures.cli("join", out.toString(), Fixtures.path("split.swm").toString(),
                Fixtures.path("split2.swm").toString());
        assertEquals(62, run.rc(), run.stderr());
        // a duplicate part
        assertThrows(InvalidSplitSetException.class, () -> WimJoiner.join(List.of(Fixtures.path("split.swm"),
                Fixtures.path("split2.swm"), Fixtures.path("split2.swm"), Fixtures.path("split4.swm")), out, false,
                WimProgress.NONE));
        // parts of different sets
        Path other = dir.resolve("other.swm");
        try (WimFile w = WimFile.open(Fixtures.path("lzx.wim"))) {
            WimSplitter.split(w, other, 50_000, false, WimProgress.NONE);
        }
        List<Path> otherParts = parts(other);
        List<Path> mixed = new ArrayList<>(List.of(Fixtures.path("split.swm")));
        mixed.addAll(otherParts.subList(1, otherParts.size()));
        assertThrows(InvalidSplitSetException.class, () -> WimJoiner.join(mixed, out, false, WimProgress.NONE));
        for (Path p : otherParts) {
            Files.delete(p);
        }
        // not a split part at all
        run = Fixtures.cli("join", out.toString(), Fixtures.path("corrupt/truncated-half.wim").toString());
        assertTrue(run.rc() != 0 && run.stderr().startsWith("ERROR: "), run.stderr());
        // solid resources cannot be split (as wimlib), a bad size is a usage error
        try (WimFile solid = WimFile.open(Fixtures.path("solid.esd"))) {
            assertThrows(UnsupportedWimException.class,
                    () -> WimSplitter.split(solid, dir.resolve("s.swm"), 1000, false, WimProgress.NONE));
        }
        assertEquals(68, Fixtures.cli("split", Fixtures.path("solid.esd").toString(), dir.resolve("s.swm").toString(), "1")
                .rc());
        assertEquals(255, Fixtures.cli("split", Fixtures.path("lzx.wim").toString(), dir.resolve("s.swm").toString(),
                "-1").rc());
        assertEquals(255, Fixtures.cli("split", Fixtures.path("lzx.wim").toString(), dir.resolve("s.swm").toString(),
                "lots").rc());
        // cancelled after the first part: no part stays, an existing file keeps its contents
        Path first = dir.resolve("c.swm");
        Files.writeString(first, "keep me");
        WimProgress cancelLate = new CancelAfterWork(60_000);
        try (WimFile w = WimFile.open(Fixtures.path("multi.wim"))) {
            assertThrows(WimCancelledException.class, () -> WimSplitter.split(w, first, 20_000, false, cancelLate));
        }
        assertEquals("keep me", Files.readString(first));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(first), s.toList());
        }
    }

    /** {@code NAME.swm, NAME2.swm, ...} as they exist, in part order. */
    private static List<Path> parts(Path first) {
        List<Path> out = new ArrayList<>();
        for (int i = 1; Files.exists(WimSplitter.partName(first, i)); i++) {
            out.add(WimSplitter.partName(first, i));
        }
        return out;
    }

    private static String header(Path part) throws Exception {
        return Wimlib.ok("info", part.toString(), "--header").replaceAll("(?m)^GUID .*$", "GUID *");
    }

    private static String headerWithoutOffsets(Path wim) throws Exception {
        return header(wim).replaceAll("(?m)^.*(Offset|Size|Original_size|Original Size) .*$", "");
    }
}
