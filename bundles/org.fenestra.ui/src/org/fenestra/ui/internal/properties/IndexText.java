package org.fenestra.ui.internal.properties;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.internal.Messages;

/** An image's index in its stored WIM, and its index in the source WIM where an import extracted it. */
public final class IndexText {
    private IndexText() {
    }

    public static String of(OsImageRecord image) {
        return image.sourceIndex() == image.imageIndex() ? Integer.toString(image.imageIndex())
                : Messages.bind(Messages.Index_inSource, image.imageIndex(), image.sourceIndex());
    }
}
