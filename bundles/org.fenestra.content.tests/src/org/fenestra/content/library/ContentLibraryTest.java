package org.fenestra.content.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.fenestra.content.library.ContentLibraryException.Reason;
import org.fenestra.content.library.ContentProblem.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content library on real files: a real WIM, hashes checked against {@code sha256sum}. */
class ContentLibraryTest {

    @TempDir
    Path dir;

    private ContentLibrary library;

    @BeforeEach
    void open() throws IOException {
        library = ContentLibrary.open(dir.resolve("library"));
    }

    @Test
    void storesAWimUnderTheSha256ThatSha256sumComputesAndASecondStoreAddsNothing() throws Exception {
        Path wim = Path.of("data", "multi.wim");
        String expected = sha256sum(wim);

        AtomicLong reported = new AtomicLong();
        StoredContent first = library.store(wim, reported::addAndGet);
        StoredContent second = library.store(wim, ContentProgress.NONE);

        assertEquals(new StoredContent(expected, Files.size(wim), true), first);
        assertEquals(new StoredContent(expected, Files.size(wim), false), second);
        assertEquals(Files.size(wim), reported.get(), "progress counts every byte");
        assertTrue(library.contains(expected));
        assertArrayEquals(Files.readAllBytes(wim), Files.readAllBytes(library.find(expected).orElseThrow()));
        assertEquals(1, filesBelow("content"), "one copy of the content");
        assertEquals(0, filesBelow("tmp"), "no temp file left");
        assertEquals(Optional.empty(), library.verify(expected, ContentProgress.NONE));
    }

    @Test
    void bytesThatDoNotHashAsExpectedAreRefusedAndNothingIsStored() throws Exception {
        byte[] data = randomBytes(100_000, 1);
        String other = sha256(randomBytes(10, 2));

        ContentLibraryException e = assertThrows(ContentLibraryException.class,
                () -> library.store(new ByteArrayInputStream(data), other, ContentProgress.NONE));

        assertEquals(Reason.HASH_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains(other) && e.getMessage().contains(sha256(data)), e.getMessage());
        assertFalse(library.contains(other));
        assertFalse(library.contains(sha256(data)));
        assertEquals(0, filesBelow("content"));
        assertEquals(0, filesBelow("tmp"));
    }

    @Test
    void contentAlreadyHeldIsNotReadAgain() throws Exception {
        byte[] data = randomBytes(5000, 3);
        library.store(new ByteArrayInputStream(data), ContentProgress.NONE);
        InputStream unreadable = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the library must not read content it already holds");
            }
        };

        StoredContent again = library.store(unreadable, sha256(data), ContentProgress.NONE);

        assertEquals(new StoredContent(sha256(data), data.length, false), again);
    }

    @Test
    void aCancelledStoreLeavesNothing() throws Exception {
        ContentProgress cancelAfterFirstMegabyte = new ContentProgress() {
            long done;

            @Override
            public void advanced(long bytes) {
                done += bytes;
            }

            @Override
            public boolean isCancelled() {
                return done > 0;
            }
        };
        ContentLibraryException e = assertThrows(ContentLibraryException.class, () -> library
                .store(new ByteArrayInputStream(randomBytes(3 << 20, 4)), cancelAfterFirstMegabyte));
        assertEquals(Reason.CANCELLED, e.reason());
        assertEquals(0, filesBelow("content"));
        assertEquals(0, filesBelow("tmp"));
    }

    @Test
    void manifestsAreStoredPerVersionAndReadBack() throws Exception {
        byte[] wim = Files.readAllBytes(Path.of("data", "multi.wim"));
        byte[] readme = "read me\n".getBytes(StandardCharsets.UTF_8);
        store(wim);
        store(readme);
        PackageManifest v1 = new PackageManifest("IMG00001", 1, List.of(
                new PackageFile("install.wim", sha256(wim), wim.length),
                new PackageFile("docs/read me.txt", sha256(readme), readme.length)));
        PackageManifest v2 = new PackageManifest("IMG00001", 2, List.of(
                new PackageFile("install.wim", sha256(wim), wim.length),
                new PackageFile("copy/install.wim", sha256(wim), wim.length)));

        library.putManifest(v1);
        library.putManifest(v2);
        ContentLibrary reopened = ContentLibrary.open(dir.resolve("library"));

        assertEquals(List.of(1, 2), reopened.versions("IMG00001"));
        assertEquals(List.of("IMG00001"), reopened.packageIds());
        assertEquals(Optional.of(v1), reopened.manifest("IMG00001", 1));
        assertEquals(Optional.of(v2), reopened.manifest("IMG00001"));
        assertEquals(2L * wim.length, v2.totalSize());
        assertEquals(java.util.Set.of(sha256(wim)), v2.contentHashes());
        assertEquals(Optional.empty(), reopened.manifest("IMG00002"));
        assertEquals(List.of(), reopened.versions("IMG00002"));
        assertTrue(reopened.validate("IMG00001").isValid(), reopened.validate("IMG00001").message());
        assertEquals(0, filesBelow("tmp"), "manifests written through temp files that are gone");
    }

    @Test
    void aManifestNamingContentTheLibraryLacksIsRefused() throws Exception {
        byte[] held = randomBytes(1000, 5);
        store(held);
        byte[] absent = randomBytes(1000, 6);
        PackageManifest manifest = new PackageManifest("PKG", 1, List.of(
                new PackageFile("held.bin", sha256(held), held.length),
                new PackageFile("absent.bin", sha256(absent), absent.length),
                new PackageFile("wrong-size.bin", sha256(held), held.length + 1)));

        ContentLibraryException e = assertThrows(ContentLibraryException.class, () -> library.putManifest(manifest));

        assertEquals(Reason.MISSING_CONTENT, e.reason());
        assertTrue(e.getMessage().contains("absent.bin") && e.getMessage().contains("wrong-size.bin")
                && !e.getMessage().contains("held.bin,"), e.getMessage());
        assertEquals(List.of(), library.versions("PKG"));
    }

    @Test
    void validateNamesEachDamagedFileAndWhatWasExpectedAndAStoreRepairsIt() throws Exception {
        byte[] a = randomBytes(70_000, 7);
        byte[] b = randomBytes(80_000, 8);
        byte[] c = randomBytes(90_000, 9);
        store(a);
        store(b);
        store(c);
        library.putManifest(new PackageManifest("PKG", 3, List.of(new PackageFile("a.bin", sha256(a), a.length),
                new PackageFile("sub/b.bin", sha256(b), b.length), new PackageFile("c.bin", sha256(c), c.length))));
        Path storedA = library.find(sha256(a)).orElseThrow();
        byte[] flipped = a.clone();
        flipped[12_345] ^= 1;
        Files.write(storedA, flipped);
        Files.write(library.find(sha256(b)).orElseThrow(), Arrays.copyOf(b, 100));
        Files.delete(library.find(sha256(c)).orElseThrow());

        ValidationReport report = library.validate("PKG");

        assertFalse(report.isValid());
        assertEquals(3, report.filesChecked());
        assertEquals(List.of(
                new ContentProblem("a.bin", sha256(a), a.length, Kind.WRONG_HASH, "SHA-256 " + sha256(flipped)),
                new ContentProblem("sub/b.bin", sha256(b), b.length, Kind.WRONG_SIZE, "100 bytes"),
                new ContentProblem("c.bin", sha256(c), c.length, Kind.MISSING, "")), report.problems());
        assertTrue(report.message().contains("a.bin: expected SHA-256 " + sha256(a) + " (70000 bytes), found SHA-256 "
                + sha256(flipped)), report.message());
        assertFalse(library.contains(sha256(a)), "damaged content is moved out of the way");
        assertEquals(1, filesBelow("quarantine"), "and kept for inspection");

        store(a);
        Files.delete(library.find(sha256(b)).orElseThrow());
        store(b);
        store(c);
        assertTrue(library.validate("PKG").isValid(), library.validate("PKG").message());
    }

    @Test
    void namesThatCouldLeaveTheLibraryAreRefused() throws Exception {
        String sha = sha256(new byte[0]);
        for (String path : List.of("../x", "a/../../x", "/etc/passwd", "a\\b", "C:x", "a//b", "./a", "a/.", "a/",
                "", "a\u0000b", "a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> new PackageFile(path, sha, 0), path);
        }
        for (String id : List.of("..", ".", "../x", "a/b", "a\\b", "", ".hidden", "a..b", "x".repeat(129))) {
            assertThrows(IllegalArgumentException.class, () -> new PackageManifest(id, 1, List.of()), id);
            assertEquals(Reason.INVALID_NAME,
                    assertThrows(ContentLibraryException.class, () -> library.manifest(id)).reason(), id);
        }
        for (String hash : List.of("../../etc/passwd", "ab", sha + "0", sha.substring(1) + "g", "../" + sha.substring(3))) {
            assertFalse(library.contains(hash), hash);
            assertEquals(Optional.empty(), library.find(hash), hash);
            assertEquals(Reason.INVALID_NAME, assertThrows(ContentLibraryException.class,
                    () -> library.store(new ByteArrayInputStream(new byte[0]), hash, ContentProgress.NONE)).reason());
            assertEquals(Reason.INVALID_NAME,
                    assertThrows(ContentLibraryException.class, () -> library.partial(hash, -1)).reason());
        }
        assertEquals(sha, new PackageFile("a b/c.d", sha.toUpperCase(), 0).sha256(), "hashes are kept in lower case");
    }

    @Test
    void aLinkPlacedInTheLibraryIsNotServedAsContent() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        String sha = sha256(Files.readAllBytes(outside));
        Path where = library.root().resolve("content").resolve(sha.substring(0, 2));
        Files.createDirectories(where);
        Files.createSymbolicLink(where.resolve(sha), outside);

        assertFalse(library.contains(sha));
        assertEquals(Optional.empty(), library.find(sha));

        Path outsideFolder = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(outside, outsideFolder.resolve(sha));
        Files.delete(where.resolve(sha));
        Files.delete(where);
        Files.createSymbolicLink(where, outsideFolder);
        assertFalse(library.contains(sha), "a linked fan-out folder leads outside too");
    }

    @Test
    void aManifestTravelsAsTextAndUnreadableTextIsRefusedWithTheLine() throws Exception {
        PackageManifest manifest = new PackageManifest("IMG1", 4, List.of(
                new PackageFile("sources/install.wim", sha256(new byte[] {1}), 1),
                new PackageFile("with space.txt", sha256(new byte[] {2}), 1)));
        assertEquals(manifest, PackageManifest.fromBytes(manifest.toBytes()));
        String text = new String(manifest.toBytes(), StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackageManifest.fromBytes(text.replace("with space", "../up").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("line 5:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PackageManifest.fromBytes("hello\n".getBytes()));
    }

    @Test
    void partialContentContinuesAcrossReopeningAndIsVisibleOnlyWhenWholeAndRight() throws Exception {
        byte[] data = randomBytes(300_000, 10);
        String sha = sha256(data);
        try (PartialContent partial = library.partial(sha, data.length)) {
            assertEquals(0, partial.length());
            partial.append(new ByteArrayInputStream(data, 0, 120_000), ContentProgress.NONE);
            assertEquals(Reason.BUSY, assertThrows(ContentLibraryException.class,
                    () -> library.partial(sha, data.length)).reason(), "one writer at a time");
            assertEquals(Reason.HASH_MISMATCH, assertThrows(ContentLibraryException.class,
                    () -> partial.complete(ContentProgress.NONE)).reason(), "incomplete");
        }
        assertFalse(library.contains(sha), "a partial upload is not content");

        ContentLibrary reopened = ContentLibrary.open(dir.resolve("library"));
        try (PartialContent partial = reopened.partial(sha, data.length)) {
            assertEquals(120_000, partial.length(), "continues where it stopped");
            assertEquals(Reason.HASH_MISMATCH, assertThrows(ContentLibraryException.class,
                    () -> partial.append(new ByteArrayInputStream(new byte[200_000]), ContentProgress.NONE)).reason(),
                    "more than the content's size");
            assertEquals(120_000, partial.length(), "the excess is dropped");
            partial.append(new ByteArrayInputStream(data, 120_000, data.length - 120_000), ContentProgress.NONE);
            assertEquals(new StoredContent(sha, data.length, true), partial.complete(ContentProgress.NONE));
        }
        assertArrayEquals(data, Files.readAllBytes(reopened.find(sha).orElseThrow()));
        assertEquals(0, filesBelow("partial"));
        assertEquals(0, filesBelow("tmp"));
    }

    @Test
    void partialContentHashedAsItArrivesStaysRightAfterRefusedAndBrokenAppends() throws Exception {
        byte[] data = randomBytes(400_000, 12);
        String sha = sha256(data);
        try (PartialContent partial = library.partial(sha, data.length)) {
            partial.append(new ByteArrayInputStream(data, 0, 100_000), ContentProgress.NONE);
            assertEquals(Reason.HASH_MISMATCH, assertThrows(ContentLibraryException.class,
                    () -> partial.append(new ByteArrayInputStream(new byte[350_000]), ContentProgress.NONE)).reason(),
                    "more than the content's size");
            InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(data, 100_000, 50_000),
                    new InputStream() {
                        @Override
                        public int read() throws IOException {
                            throw new IOException("connection reset");
                        }
                    });
            assertThrows(IOException.class, () -> partial.append(breaking, ContentProgress.NONE));
            assertEquals(150_000, partial.length(), "what arrived before the break stays");
            partial.append(new ByteArrayInputStream(data, 150_000, data.length - 150_000), ContentProgress.NONE);
            assertEquals(new StoredContent(sha, data.length, true), partial.complete(ContentProgress.NONE));
        }
        assertArrayEquals(data, Files.readAllBytes(library.find(sha).orElseThrow()));

        byte[] other = randomBytes(200_000, 13);
        byte[] wrong = other.clone();
        wrong[150_000] ^= 1;
        try (PartialContent partial = library.partial(sha256(other), other.length)) {
            partial.append(new ByteArrayInputStream(wrong, 0, 100_000), ContentProgress.NONE);
            partial.append(new ByteArrayInputStream(wrong, 100_000, 100_000), ContentProgress.NONE);
            ContentLibraryException e = assertThrows(ContentLibraryException.class,
                    () -> partial.complete(ContentProgress.NONE), "bytes hashed as they arrived are still checked");
            assertTrue(e.getMessage().contains(sha256(wrong)), e.getMessage());
        }
        assertFalse(library.contains(sha256(other)));
    }

    @Test
    void partialContentThatHashesOtherwiseIsDropped() throws Exception {
        byte[] data = randomBytes(50_000, 11);
        byte[] wrong = data.clone();
        wrong[49_999] ^= 0x40;
        String sha = sha256(data);
        try (PartialContent partial = library.partial(sha, data.length)) {
            partial.append(new ByteArrayInputStream(wrong), ContentProgress.NONE);
            ContentLibraryException e = assertThrows(ContentLibraryException.class,
                    () -> partial.complete(ContentProgress.NONE));
            assertEquals(Reason.HASH_MISMATCH, e.reason());
            assertTrue(e.getMessage().contains(sha256(wrong)), e.getMessage());
        }
        assertFalse(library.contains(sha));
        assertEquals(0, filesBelow("partial"));
    }

    @Test
    void aDamagedManifestIsReportedNotBelieved() throws Exception {
        byte[] data = randomBytes(10, 12);
        store(data);
        library.putManifest(new PackageManifest("PKG", 1, List.of(new PackageFile("f", sha256(data), 10))));
        Path file = library.root().resolve("packages/PKG/1.manifest");
        Files.writeString(file, Files.readString(file).replace("file ", "file ../"));
        assertEquals(Reason.CORRUPT_MANIFEST,
                assertThrows(ContentLibraryException.class, () -> library.manifest("PKG")).reason());
        Files.writeString(file, Files.readString(file).substring(0, 40));
        assertEquals(Reason.CORRUPT_MANIFEST,
                assertThrows(ContentLibraryException.class, () -> library.validate("PKG")).reason());
        assertEquals(Reason.NO_SUCH_PACKAGE,
                assertThrows(ContentLibraryException.class, () -> library.validate("OTHER")).reason());
    }

    @Test
    void removingAPackageKeepsContentAnotherPackageStillUses() throws Exception {
        byte[] shared = randomBytes(1000, 13);
        byte[] own = randomBytes(1000, 14);
        store(shared);
        store(own);
        library.putManifest(new PackageManifest("A", 1, List.of(new PackageFile("s", sha256(shared), 1000),
                new PackageFile("o", sha256(own), 1000))));
        library.putManifest(new PackageManifest("B", 1, List.of(new PackageFile("s", sha256(shared), 1000))));

        library.removePackage("A");

        assertEquals(List.of("B"), library.packageIds());
        assertTrue(library.contains(sha256(shared)));
        assertFalse(library.contains(sha256(own)));
        assertTrue(library.validate("B").isValid());
    }

    private void store(byte[] data) throws Exception {
        library.store(new ByteArrayInputStream(data), sha256(data), ContentProgress.NONE);
    }

    private long filesBelow(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(library.root().resolve(folder))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** The coreutils tool as the oracle for the hash the library names content by. */
    private static String sha256sum(Path file) throws Exception {
        Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, process.waitFor(), out);
        return out.substring(0, 64);
    }
}
