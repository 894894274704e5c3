package org.fenestra.updates.ui.internal.views;

import java.util.Comparator;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.fenestra.updates.api.UpdatePackage;

/**
 * The sort order of the updates table: a click on a column header sorts by that column, a second
 * click reverses it. Ties are kept in the catalog's order (by ID).
 */
final class UpdateTableOrder extends ViewerComparator {

    private UpdateColumn column = UpdateColumn.ARTICLE;
    private boolean ascending = true;

    /** Sorts by {@code clicked}, reversing the direction when it already sorts by it. */
    void sortBy(UpdateColumn clicked) {
        ascending = clicked != column || !ascending;
        column = clicked;
    }

    UpdateColumn column() {
        return column;
    }

    /** {@link SWT#UP} or {@link SWT#DOWN}, for the table's sort indicator. */
    int swtDirection() {
        return ascending ? SWT.UP : SWT.DOWN;
    }

    @Override
    public int compare(Viewer viewer, Object left, Object right) {
        Comparator<UpdatePackage> order = column.order().thenComparing(UpdatePackage::id);
        int compared = order.compare((UpdatePackage) left, (UpdatePackage) right);
        return ascending ? compared : -compared;
    }
}
