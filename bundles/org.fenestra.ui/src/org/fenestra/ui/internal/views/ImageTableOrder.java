package org.fenestra.ui.internal.views;

import java.util.Comparator;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.fenestra.ui.api.ImageSummary;

/**
 * The sort order of the images table: a click on a column header sorts by that column, a
 * second click reverses it. Ties keep the catalog's order (by image id).
 */
final class ImageTableOrder extends ViewerComparator {

    private ViewColumn column = ImageColumn.NAME;
    private boolean ascending = true;

    /** Sorts by {@code clicked}, reversing the direction when it already sorts by it. */
    void sortBy(ViewColumn clicked) {
        ascending = clicked != column || !ascending;
        column = clicked;
    }

    ViewColumn column() {
        return column;
    }

    /** {@link SWT#UP} or {@link SWT#DOWN}, for the table's sort indicator. */
    int swtDirection() {
        return ascending ? SWT.UP : SWT.DOWN;
    }

    @Override
    public int compare(Viewer viewer, Object left, Object right) {
        Comparator<ImageSummary> order = column.order().thenComparing(ImageSummary::id);
        int compared = order.compare((ImageSummary) left, (ImageSummary) right);
        return ascending ? compared : -compared;
    }
}
