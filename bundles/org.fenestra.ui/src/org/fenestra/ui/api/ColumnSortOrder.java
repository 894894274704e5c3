package org.fenestra.ui.api;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;

/**
 * The sort order of a table whose header is clickable: a click on a column's header sorts by that
 * column, a second click on the same one reverses it. Ties are broken by a fixed order (usually the
 * catalog's id), so equal rows never swap places between refreshes.
 *
 * @param <C> the table's column type
 * @param <R> the type of the table's rows
 * @since 0.1
 */
public final class ColumnSortOrder<C, R> extends ViewerComparator {

    private final Class<R> rowType;
    private final Function<? super C, Comparator<R>> orderOfColumn;
    private final Comparator<R> tieBreak;
    private C column;
    private boolean ascending = true;

    /**
     * @param rowType the rows' type (rows of another type are a programming error)
     * @param initial the column sorted by before the first click, ascending
     * @param orderOfColumn a column's order of rows
     * @param tieBreak the order of rows that the column's order says are equal
     */
    public ColumnSortOrder(Class<R> rowType, C initial, Function<? super C, Comparator<R>> orderOfColumn,
            Comparator<R> tieBreak) {
        this.rowType = Objects.requireNonNull(rowType);
        this.column = Objects.requireNonNull(initial);
        this.orderOfColumn = Objects.requireNonNull(orderOfColumn);
        this.tieBreak = Objects.requireNonNull(tieBreak);
    }

    /** Sorts by {@code clicked}, reversing the direction when it already sorts by it. */
    public void sortBy(C clicked) {
        ascending = !clicked.equals(column) || !ascending;
        column = clicked;
    }

    /** The column sorted by. */
    public C column() {
        return column;
    }

    /** {@link SWT#UP} or {@link SWT#DOWN}, for the table's sort indicator. */
    public int swtDirection() {
        return ascending ? SWT.UP : SWT.DOWN;
    }

    @Override
    public int compare(Viewer viewer, Object left, Object right) {
        Comparator<R> order = orderOfColumn.apply(column).thenComparing(tieBreak);
        int compared = order.compare(rowType.cast(left), rowType.cast(right));
        return ascending ? compared : -compared;
    }
}
