package org.fenestra.ui.internal.addimage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;

/** The images of a WIM as the Data Source page lists them: index, name, and what the XML says. */
record WimIndexes(List<Entry> entries) {

    record Entry(int index, String name, String architecture, String language) {
        String label() {
            return index + ": " + name;
        }
    }

    /** Reads only the header and XML, so it is quick even for multi-GB images. */
    static WimIndexes read(Path wim) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            return of(file.images());
        }
    }

    /** From images listed elsewhere (by the importer, for a WIM on a share). */
    static WimIndexes of(List<WimImageInfo> images) {
        List<Entry> entries = new ArrayList<>();
        for (WimImageInfo image : images) {
            entries.add(new Entry(image.index(), image.name(), architectureOf(image),
                    image.defaultLanguage() == null ? "" : image.defaultLanguage()));
        }
        return new WimIndexes(List.copyOf(entries));
    }

    private static String architectureOf(WimImageInfo image) {
        return image.processorArchitecture().map(ProcessorArchitecture::displayName).orElse("");
    }
}
