package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.WimException;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the Jazzer campaign, bench/fuzz): opening an image of a split part
 * other than part 1 threw IndexOutOfBoundsException, because image metadata lives in part 1.
 */
class OpenImageOfNonFirstSplitPartTest {

    @Test
    void realSecondPartSaysWhereTheMetadataIs() throws Exception {
        try (WimFile part2 = WimFile.open(Path.of("data/split2.swm"))) {
            MissingSplitPartException error = assertThrows(MissingSplitPartException.class, () -> part2.openImage(1));
            assertTrue(error.getMessage().contains("split2.swm"), error.getMessage());
            assertTrue(error.getMessage().contains("open part 1"), error.getMessage());
        }
    }

    @Test
    void fuzzerInputGivesATypedError() throws Exception {
        Path input = Path.of("data/regressions/openImage-non-first-split-part-IndexOutOfBounds.esd");
        assertThrows(WimException.class, () -> {
            try (WimFile wim = WimFile.open(input)) {
                for (int index = 1; index <= wim.imageCount(); index++) {
                    wim.openImage(index);
                }
            }
        });
    }
}
