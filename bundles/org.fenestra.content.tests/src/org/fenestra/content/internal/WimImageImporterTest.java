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
                new ImportRequest(source.toString(), "CONTOSO\\admin", 2, name, "2026-11", "patched", "", ""),
                WimProgress.NONE);

        Path extracted = share.resolve("multi-index2.wim");
        assertEquals(extracted.toString(), added.storedPath());
        assertEquals(source.toString(), added.sourcePath());
        assertEquals(2, added.imageIndex());
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
                "Taken " + System.nanoTime(), "", "", "", ""), WimProgress.NONE);
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
                    new ImportRequest(source.toString(), "admin", 2, taken.name().toUpperCase(), "", "", "", ""));
            assertFails(Reason.INVALID_ARGUMENT, new ImportRequest(source.toString(), "admin", 2, "f", "", "", "sparc", ""));
            assertEquals(before, catalog.list(), "a failed import must add nothing to the catalog");
            assertEquals(filesBefore, files(), "a failed import must leave no file beside the source");
        } finally {
            catalog.remove(taken.id());
        }
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
                new ImportRequest(source.toString(), "admin", 2, "Cancelled " + System.nanoTime(), "", "", "", ""),
                cancelled));
        assertEquals(Reason.CANCELLED, error.reason(), error.getMessage());
        assertEquals(before, catalog.list());
        assertEquals(List.of(source), files());
    }

    private static void assertFails(Reason reason, ImportRequest request) {
        ImportException error = assertThrows(ImportException.class, () -> importer.importImage(request, WimProgress.NONE));
        assertEquals(reason, error.reason(), error.getMessage());
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
