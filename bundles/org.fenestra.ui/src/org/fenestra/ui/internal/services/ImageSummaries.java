package org.fenestra.ui.internal.services;

import java.util.Locale;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;

/** Catalog records as the workbench shows them. */
public final class ImageSummaries {

    private ImageSummaries() {
    }

    public static ImageSummary of(OsImageRecord image) {
        return new ImageSummary(image.id(), image.name(), image.version(), image.osVersion(),
                image.architecture().name().toLowerCase(Locale.ROOT), image.language(), image.sizeBytes(),
                image.imageIndex(), image.dateAdded());
    }
}
