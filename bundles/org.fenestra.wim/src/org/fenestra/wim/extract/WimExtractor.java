package org.fenestra.wim.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.WimImage;
import org.fenestra.wim.internal.extract.ImageExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.WimProgress;

/**
 * Extracts files of an image to a directory, as {@code wimlib-imagex apply} and
 * {@code extract} do. Extraction reads the image only through {@link WimImage}'s API, so it
 * sits in a layer above the reading façade, in a package of its own: {@code org.fenestra.wim}
 * never depends on it.
 *
 * @since 0.1
 */
public final class WimExtractor {
    private WimExtractor() {
    }

    /**
     * Extracts files of {@code image} below {@code targetDir}: the whole image ({@code paths}
     * empty, like {@code apply}) or the given paths (like {@code extract}).
     */
    public static ExtractReport extract(WimImage image, List<String> paths, Path targetDir, ExtractOptions options,
            WimProgress progress) throws IOException {
        return new ImageExtractor(image, options, progress).extract(paths, targetDir);
    }
}
