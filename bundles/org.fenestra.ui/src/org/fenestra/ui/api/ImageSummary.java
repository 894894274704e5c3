package org.fenestra.ui.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One operating system image as the workbench shows it: a row of the Operating System
 * Images view and the subject of image actions and property tabs.
 *
 * @param id                     stable site-wide id, e.g. {@code FEN00001}
 * @param name                   unique display name
 * @param version                admin-given version, may be empty
 * @param osVersion              Windows version from the image's XML, e.g. {@code 10.0.22631.2861}
 * @param architecture           {@code x86}, {@code x64}, {@code arm64}, …
 * @param language               default language, e.g. {@code en-US}
 * @param sizeBytes              size of the stored image file
 * @param imageIndex             index of the image within its WIM file (1-based)
 * @param dateAdded              when the image was added to the library
 * @since 0.1
 */
public record ImageSummary(String id, String name, String version, String osVersion, String architecture,
        String language, long sizeBytes, int imageIndex, Instant dateAdded) {

    public ImageSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateAdded, "dateAdded");
        version = Objects.requireNonNullElse(version, "");
        osVersion = Objects.requireNonNullElse(osVersion, "");
        architecture = Objects.requireNonNullElse(architecture, "");
        language = Objects.requireNonNullElse(language, "");
    }
}
