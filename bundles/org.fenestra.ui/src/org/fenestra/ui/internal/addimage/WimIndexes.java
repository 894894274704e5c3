package org.fenestra.ui.internal.addimage;

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

    /** From the images the import service listed (for local and UNC paths alike). */
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
