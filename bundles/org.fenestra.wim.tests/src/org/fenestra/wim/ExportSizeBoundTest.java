package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WimFile#exportSizeBound} against real exports: never below what an export writes
 * (the importer refuses to start on less free space), and not wildly above it.
 */
class ExportSizeBoundTest {

    @ParameterizedTest
    @ValueSource(strings = { "none.wim", "xpress.wim", "lzx.wim", "lzms.wim", "solid.esd", "integrity.wim",
            "multi.wim", "unix-data.wim" })
    void boundHoldsTheExportKeepingCompressionAndRecompressed(String fixture, @TempDir Path dir) throws Exception {
        try (WimFile wim = WimFile.open(Fixtures.path(fixture))) {
            WriteOptions keep = wim.writeOptionsKeepingCompression();
            WriteOptions recompress = new WriteOptions(keep.compression(), keep.chunkSize(), keep.level(), true, false,
                    true, keep.solid());
            for (WriteOptions options : List.of(keep, recompress)) {
                Path out = dir.resolve(options.recompress() + "-" + fixture);
                WimWriter.export(wim, List.of(1), out, null, null, options, WimProgress.NONE);
                long written = Files.size(out);
                long bound = wim.exportSizeBound(1, options);
                assertTrue(written <= bound, fixture + ": export wrote " + written + " bytes, bound " + bound);
                assertTrue(bound <= 4 * written + 512 * 1024, fixture + ": bound " + bound + " for " + written + " bytes");
            }
        }
    }
}
