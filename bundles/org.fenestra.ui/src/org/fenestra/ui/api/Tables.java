package org.fenestra.ui.api;

import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Read-only tables of rows, made one way in every view, tab and wizard page.
 *
 * @since 0.1
 */
public final class Tables {

    private Tables() {
    }

    /** A table of rows given as a list (its input), headers and lines shown. */
    public static TableViewer create(Composite parent, int style) {
        TableViewer viewer = new TableViewer(parent, style | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** Adds a column showing {@code text} of each row, at least {@code width} pixels and wide enough for its title. */
    public static <T> TableColumn addColumn(TableViewer viewer, String title, int width, Class<T> rowType,
            Function<T, String> text) {
        TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
        TableColumn column = viewerColumn.getColumn();
        column.setText(title);
        column.setMoveable(true);
        column.pack(); // the title's own width, then room for a sort arrow
        column.setWidth(Math.max(width, column.getWidth() + 24));
        viewerColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rowType.cast(element));
            }
        });
        return column;
    }
}
