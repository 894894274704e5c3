package org.fenestra.content.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;
import org.fenestra.wim.windows.WindowsTrees;

/**
 * Reads an image's facts from its own SOFTWARE and SYSTEM hives, straight out of the WIM. An image
 * without hives has unknown facts; a hive that cannot be read is a warning in the import log, never
 * a reason to refuse the image.
 */
final class ImageFactsReader {

    private static final Logger LOG = System.getLogger(ImageFactsReader.class.getName());

    private ImageFactsReader() {
    }

    /** @param progress polled for cancellation only: the hives are a small part of an import */
    static ImageFacts read(WimFile wim, int index, WimProgress progress) throws IOException {
        WindowsFacts facts = WindowsTrees.facts(wim.openImage(index), new WimProgress() {
            @Override
            public boolean isCanceled() {
                return progress.isCanceled();
            }
        });
        for (String warning : facts.warnings()) {
            LOG.log(Level.WARNING, "{0} image {1}: {2}; its facts from that file are unknown", wim.path(), index,
                    warning);
        }
        if (!facts.isWindows()) {
            LOG.log(Level.INFO, "{0} image {1} holds no Windows system root; its facts are unknown", wim.path(), index);
            return ImageFacts.UNKNOWN;
        }
        return of(facts);
    }

    /** The part of a tree's facts the catalog keeps. */
    static ImageFacts of(WindowsFacts facts) {
        return new ImageFacts(facts.productName(), facts.editionId(), facts.installationType(), facts.build(),
                facts.ubr(), facts.displayVersion(), facts.languages());
    }
}
