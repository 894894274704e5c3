package org.fenestra.ui.api;

import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
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

    /** A view's content: a problem line (wrapping, dark red; empty while all is well) above a table filling the rest. */
    public record ProblemAndTable(Label problem, TableViewer viewer) {
    }

    /** Fills {@code parent} (a view's part control) with a problem line above a {@link #create} table, no margins. */
    public static ProblemAndTable createBelowProblemLine(Composite parent, int style) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout();
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        area.setLayout(layout);
        Label problem = new Label(area, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        TableViewer viewer = create(area, style);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return new ProblemAndTable(problem, viewer);
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
