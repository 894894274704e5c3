package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.RemovedImage;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.content.api.ImportRequest;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer as DS wires it, against the real catalog (H2 under target/) and real WIMs,
 * with wimlib-imagex checking what it writes.
 */
class WimImageImporterTest {

    private static ImageImporter importer;
    private static ImageCatalog catalog;

    @TempDir
    Path share;

    @BeforeAll
    static void services() throws Exception {
        importer = Services.get(ImageImporter.class);
        catalog = Services.get(ImageCatalog.class);
    }

    @Test
    void extractsTheChosenIndexBesideTheSourceAndRecordsOnlyIt() throws Exception {
        Path source = copy("multi.wim");
        String sourceHash = Services.sha256(source);
        String name = "Multi index 2 " + System.nanoTime();

        OsImageRecord added = importer.importImage(
                new ImportRequest(source.toString(), "CONTOSO\\admin", 2, name, "2026-11", "patched", "x64", ""),
                WimProgress.NONE);

        Path extracted = share.resolve("multi-index2.wim");
        assertEquals(extracted.toString(), added.storedPath());
        assertEquals(source.toString(), added.sourcePath());
        assertEquals(1, added.imageIndex(), "the extracted WIM holds the image as its index 1");
        assertEquals(2, added.sourceIndex(), "the index chosen in the source");
        assertTrue(added.storedFileCreated());
        assertEquals(Files.size(extracted), added.sizeBytes());
        assertEquals("CONTOSO\\admin", added.eulaAcceptance().user());
        assertEquals(added, catalog.get(added.id()));
        assertEquals(sourceHash, Services.sha256(source), "the source WIM must not change");

        String info = Wimlib.run("info", extracted.toString());
        assertTrue(info.lines().anyMatch(l -> l.matches("Image Count:\\s+1")), info);
        assertTrue(info.lines().anyMatch(l -> l.matches("Name:\\s+modified")), info);
        Wimlib.run("verify", extracted.toString());
        catalog.remove(added.id());
    }

    @Test
    void wholeFileImportRecordsTheSourceItselfWithOverrides() throws Exception {
        Path source = copy("multi.wim");
        OsImageRecord added = importer.importImage(new ImportRequest(source.toString(), "admin", 0, "", "", "",
                "arm64", "de-DE"), WimProgress.NONE);
        try {
            assertEquals("multi", added.name(), "default name: the file name without extension");
            assertEquals(source.toString(), added.storedPath());
            assertEquals(1, added.imageIndex());
            assertEquals(1, added.sourceIndex());
            assertEquals(false, added.storedFileCreated(), "the admin's own file is never the catalog's to delete");
            assertEquals(Architecture.ARM64, added.architecture());
            assertEquals("de-DE", added.language());
            assertEquals(List.of(source), files());
        } finally {
            catalog.remove(added.id());
        }
    }

    @Test
    void badRequestsFailWithTheirReasonAndChangeNothing() throws Exception {
        Path source = copy("multi.wim");
        Path corrupt = copy("truncated-half.wim");
        Path text = Files.writeString(share.resolve("notes.wim"), "this is not a WIM file\n".repeat(40));
        OsImageRecord taken = importer.importImage(new ImportRequest(source.toString(), "admin", 0,
                "Taken " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        List<OsImageRecord> before = catalog.list();
        List<Path> filesBefore = files();
        try {
            assertFails(Reason.EULA_NOT_ACCEPTED, new ImportRequest(source.toString(), null, 2, "a", "", "", "", ""));
            assertFails(Reason.SOURCE_NOT_FOUND,
                    new ImportRequest(share.resolve("missing.wim").toString(), "admin", 0, "b", "", "", "", ""));
            assertFails(Reason.NOT_A_WIM, new ImportRequest(text.toString(), "admin", 0, "c", "", "", "", ""));
            assertFails(Reason.CORRUPT_WIM, new ImportRequest(corrupt.toString(), "admin", 0, "d", "", "", "", ""));
            assertFails(Reason.INDEX_OUT_OF_RANGE, new ImportRequest(source.toString(), "admin", 4, "e", "", "", "", ""));
            assertFails(Reason.DUPLICATE_NAME,
                    new ImportRequest(source.toString(), "admin", 2, taken.name().toUpperCase(), "", "", "x64", ""));
            assertFails(Reason.INVALID_ARGUMENT, new ImportRequest(source.toString(), "admin", 2, "f", "", "", "sparc", ""));
            // regressions: an out-of-range index under a taken name is about the index, not the name
            assertFails(Reason.INDEX_OUT_OF_RANGE, new ImportRequest(source.toString(), "admin", 9, taken.name(), "",
                    "", "x64", ""));
            // an image without WINDOWS/ARCH is not guessed to be x64
            ImportException noArch = assertFails(Reason.ARCHITECTURE_UNKNOWN,
                    new ImportRequest(source.toString(), "admin", 2, "g", "", "", "", ""));
            assertTrue(noArch.getMessage().contains("records no processor architecture"), noArch.getMessage());
            ImportException language = assertFails(Reason.INVALID_ARGUMENT,
                    new ImportRequest(source.toString(), "admin", 2, "h", "", "", "x64", "en_US"));
            assertTrue(language.getMessage().contains("BCP 47"), language.getMessage());
            ImportException folder = assertFails(Reason.NOT_A_WIM,
                    new ImportRequest(share.toString(), "admin", 0, "i", "", "", "x64", ""));
            assertTrue(folder.getMessage().contains("is a folder, not a WIM file"), folder.getMessage());
            assertEquals(before, catalog.list(), "a failed import must add nothing to the catalog");
            assertEquals(filesBefore, files(), "a failed import must leave no file beside the source");
        } finally {
            catalog.remove(taken.id());
        }
    }

    @Test
    void aRelativeSourceIsRecordedAbsoluteAndNormalized() throws Exception {
        Path source = copy("multi.wim");
        Path cwd = Path.of("").toAbsolutePath();
        String relative = cwd.relativize(share).resolve("..").resolve(share.getFileName()).resolve("multi.wim").toString();
        OsImageRecord added = importer.importImage(new ImportRequest(relative, "admin", 0,
                "Relative " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        try {
            assertEquals(source.toAbsolutePath().normalize().toString(), added.sourcePath(), relative);
            assertEquals(added.sourcePath(), added.storedPath());
        } finally {
            catalog.remove(added.id());
        }
    }

    @Test
    void editionComesFromFlagsWhereTheXmlHasNoEditionIdAndLanguageTagsAreCanonical() throws Exception {
        Path source = copy("multi.wim");
        OsImageRecord added = importer.importImage(new ImportRequest(source.toString(), "admin", 3,
                "Flags " + System.nanoTime(), "", "", "x86", "de-de"), WimProgress.NONE);
        try {
            assertEquals("Professional", added.osEdition(), "image 3 of multi.wim has <FLAGS>Professional</FLAGS>");
            assertEquals("de-DE", added.language());
        } finally {
            Services.get(ImageRemover.class).remove(added.id(), false);
        }
    }

    @Test
    void removingDeletesTheExtractedWimSoTheIndexCanBeAddedAgain() throws Exception {
        Path source = copy("multi.wim");
        ImageRemover remover = Services.get(ImageRemover.class);
        ImportRequest request = new ImportRequest(source.toString(), "admin", 2, "Again " + System.nanoTime(), "", "",
                "x64", "");
        OsImageRecord first = importer.importImage(request, WimProgress.NONE);
        Path extracted = Path.of(first.storedPath());

        RemovedImage removed = remover.remove(first.id(), false);

        assertEquals(List.of(extracted.toString()), removed.deletedFiles(), removed.problem());
        assertEquals(List.of(source), files(), "only the admin's source is left");
        OsImageRecord again = importer.importImage(request, WimProgress.NONE);
        RemovedImage kept = remover.remove(again.id(), true);
        assertEquals(List.of(), kept.deletedFiles());
        assertEquals(List.of(extracted.toString()), kept.keptFiles());
        assertTrue(Files.isRegularFile(extracted), "--keep-files keeps the extracted WIM");

        OsImageRecord whole = importer.importImage(new ImportRequest(source.toString(), "admin", 0,
                "Whole " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        assertEquals(List.of(), remover.remove(whole.id(), false).deletedFiles());
        assertTrue(Files.isRegularFile(source), "a source recorded as it is stays");
    }

    @Test
    void cancellingTheExtractionLeavesNothingBehind() throws Exception {
        Path source = copy("multi.wim");
        List<OsImageRecord> before = catalog.list();
        WimProgress cancelled = new WimProgress() {
            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        ImportException error = assertThrows(ImportException.class, () -> importer.importImage(
                new ImportRequest(source.toString(), "admin", 2, "Cancelled " + System.nanoTime(), "", "", "x64", ""),
                cancelled));
        assertEquals(Reason.CANCELLED, error.reason(), error.getMessage());
        assertEquals(before, catalog.list());
        assertEquals(List.of(source), files());
    }

    /** Data that fails its SHA-1 (or does not decompress) is never written into the extracted WIM. */
    @Test
    void aCorruptedSourceFailsAndLeavesNothingBehind() throws Exception {
        Path source = copy("multi.wim");
        long at = middleOfLargestResource(source, 2);
        byte[] bytes = Files.readAllBytes(source);
        bytes[(int) at] ^= 0x10;
        Files.write(source, bytes);
        List<OsImageRecord> before = catalog.list();
        ImportException error = assertFails(Reason.CORRUPT_WIM,
                new ImportRequest(source.toString(), "admin", 2, "Corrupt " + System.nanoTime(), "", "", "x64", ""));
        assertTrue(error.getMessage().contains("SHA-1") || error.getMessage().contains("decompress"), error.getMessage());
        assertEquals(before, catalog.list());
        assertEquals(List.of(source), files());
    }

    /** Offset in the file of the middle of the stored data of image {@code index}'s largest file. */
    private static long middleOfLargestResource(Path wim, int index) throws IOException {
        try (org.fenestra.wim.WimFile w = org.fenestra.wim.WimFile.open(wim)) {
            org.fenestra.wim.WimImage image = w.openImage(index);
            org.fenestra.wim.WimBlobInfo[] largest = new org.fenestra.wim.WimBlobInfo[1];
            image.walk(image.root(), e -> {
                org.fenestra.wim.WimStream s = e.mainStream();
                if (s != null && s.blob() != null && !s.blob().solid()
                        && (largest[0] == null || s.blob().size() > largest[0].size())) {
                    largest[0] = s.blob();
                }
            });
            return largest[0].offset() + largest[0].compressedSize() / 2;
        }
    }

    private static ImportException assertFails(Reason reason, ImportRequest request) {
        ImportException error = assertThrows(ImportException.class, () -> importer.importImage(request, WimProgress.NONE));
        assertEquals(reason, error.reason(), error.getMessage());
        return error;
    }

    private Path copy(String fixture) throws IOException {
        return Files.copy(Path.of("data", fixture), share.resolve(fixture));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(share)) {
            return list.filter(p -> !p.getFileName().toString().equals("notes.wim")
                    && !p.getFileName().toString().equals("truncated-half.wim")).sorted().toList();
        }
    }
}
