package org.fenestra.sample.partner;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fenestra.ui.api.ImageSummary;

/** One image as a CSV line for the partner's asset inventory (RFC 4180 quoting). */
final class InventoryLine {

    static final String HEADER = "id,name,os_version,architecture,language,image_index,size_bytes";

    private InventoryLine() {
    }

    static String of(ImageSummary image) {
        return Stream.of(image.id(), image.name(), image.osVersion(), image.architecture(), image.language(),
                Integer.toString(image.imageIndex()), Long.toString(image.sizeBytes()))
                .map(InventoryLine::quote).collect(Collectors.joining(","));
    }

    static String csv(List<ImageSummary> images) {
        return Stream.concat(Stream.of(HEADER), images.stream().map(InventoryLine::of))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
