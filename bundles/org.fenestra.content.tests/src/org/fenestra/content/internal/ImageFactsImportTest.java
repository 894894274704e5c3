package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportRequest;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import reads the image's facts from its own hives inside the WIM (captured by wimlib-imagex
 * from the synthetic Windows tree) and stores them with the record.
 */
class ImageFactsImportTest {

    private static ImageImporter importer;
    private static ImageCatalog catalog;

    @TempDir
    Path work;

    @BeforeAll
    static void services() throws Exception {
        importer = Services.get(ImageImporter.class);
        catalog = Services.get(ImageCatalog.class);
    }

    @Test
    void aWindowsImageGetsItsFactsAndATreeWithoutHivesGetsUnknown() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path wim = SyntheticWims.capture(work, work.resolve("share/install.wim"), spec, null);

        OsImageRecord windows = importer.importImage(new ImportRequest(wim.toString(), "admin", 1,
                "Facts " + System.nanoTime(), "", "", "", ""), WimProgress.NONE);
        OsImageRecord plain = importer.importImage(new ImportRequest(wim.toString(), "admin", 2,
                "No facts " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        try {
            assertEquals(SyntheticWims.expected(spec), catalog.facts(windows.id()));
            assertEquals("26100.4317", catalog.facts(windows.id()).buildText());
            assertEquals(ImageFacts.UNKNOWN, catalog.facts(plain.id()), "no hives: unknown, and no error");
        } finally {
            catalog.remove(windows.id());
            catalog.remove(plain.id());
        }
    }

    @Test
    void aCorruptHiveIsAWarningInTheImportLogAndTheImportSucceeds() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        byte[] software = Files.readAllBytes(SyntheticWindowsTree.write(scratch, spec));
        byte[] corrupt = Arrays.copyOf(software, software.length);
        corrupt[4096] = (byte) 'X'; // the first hive bin loses its "hbin" signature
        Path wim = SyntheticWims.capture(work, work.resolve("share/corrupt.wim"), spec, corrupt);

        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(ImageFactsReader.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        OsImageRecord added;
        try {
            added = importer.importImage(new ImportRequest(wim.toString(), "admin", 1, "Corrupt hive "
                    + System.nanoTime(), "", "", "", ""), WimProgress.NONE);
        } finally {
            log.removeHandler(handler);
        }
        try {
            ImageFacts facts = catalog.facts(added.id());
            assertEquals("", facts.productName(), "SOFTWARE could not be read");
            assertEquals(-1, facts.ubr());
            assertEquals(List.of("de-DE", "en-US"), facts.languages(), "SYSTEM was still read");
            List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("Windows/System32/config/SOFTWARE is not a usable registry hive"),
                    warnings.get(0));
        } finally {
            catalog.remove(added.id());
        }
    }
}
