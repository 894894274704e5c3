package org.fenestra.distribution.internal.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.WimProgress;

/**
 * {@code client receive … --apply TARGET}: applies the received, verified WIM's image to a
 * folder with our WIM engine (every blob's SHA-1 checked as it streams), as
 * {@code wimlib-imagex apply} does, with a progress line.
 */
final class ImageApply {

    private final PrintStream out;

    ImageApply(PrintStream out) {
        this.out = out;
    }

    /**
     * Applies image {@code index} of {@code wim} (null: its only image) below {@code target}.
     *
     * @throws IOException naming the WIM when it holds several images and no index is given, or the
     *         index does not exist; the engine's typed errors for a damaged WIM
     */
    ExtractReport apply(Path wim, Integer index, Path target) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            int chosen = chosenIndex(file.imageCount(), index, wim);
            WimImage image = file.openImage(chosen);
            out.println("Applying image " + chosen + " of " + wim.getFileName() + " to " + target);
            ExtractReport report = WimExtractor.extract(image, List.of(), target, ExtractOptions.defaults(),
                    new PercentLine(out));
            out.println("Applied image " + chosen + " to " + target);
            return report;
        }
    }

    private static int chosenIndex(int images, Integer index, Path wim) throws IOException {
        if (index == null) {
            if (images != 1) {
                throw new IOException(wim.getFileName() + " holds " + images + " images: name one with --apply-index N");
            }
            return 1;
        }
        if (index < 1 || index > images) {
            throw new IOException(wim.getFileName() + " has no image " + index + " (it holds " + images + ")");
        }
        return index;
    }

    /** Prints "Applying: N%" each time the whole percentage moves. */
    private static final class PercentLine implements WimProgress {
        private final PrintStream out;
        private long total;
        private long done;
        private int shown = -1;

        PercentLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public void beginTask(String name, long totalWork) {
            total = Math.max(1, totalWork);
        }

        @Override
        public void worked(long work) {
            done += work;
            int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
            if (percent != shown) {
                shown = percent;
                out.println("Applying: " + percent + "%");
            }
        }
    }
}
