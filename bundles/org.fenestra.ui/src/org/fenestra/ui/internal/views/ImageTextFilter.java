package org.fenestra.ui.internal.views;

import java.util.Locale;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.fenestra.ui.api.ImageSummary;

/** Shows the images any of whose columns (or id) contains the typed text, ignoring case. */
final class ImageTextFilter extends ViewerFilter {

    private String needle = "";

    /** @return whether the text changed */
    boolean setText(String text) {
        String next = text.strip().toLowerCase(Locale.ROOT);
        boolean changed = !next.equals(needle);
        needle = next;
        return changed;
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        return matches((ImageSummary) element);
    }

    boolean matches(ImageSummary image) {
        if (needle.isEmpty() || image.id().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (ImageColumn column : ImageColumn.values()) {
            if (column.text(image).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
