package org.fenestra.distribution.ui.internal.distribute;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.fenestra.distribution.api.ContentStatus;

/** One row per image and DP with its latest status, as the Progress and Completion pages show them. */
final class StatusTable {

    private final Table table;

    StatusTable(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String[] column : new String[][] {{"Image", "110"}, {"Distribution Point", "150"}, {"Status", "360"}}) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
    }

    /** Shows {@code status} in its image and DP's row, adding the row the first time. */
    void show(ContentStatus status) {
        TableItem row = null;
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(status.imageId()) && item.getText(1).equals(status.dpName())) {
                row = item;
            }
        }
        if (row == null) {
            row = new TableItem(table, SWT.NONE);
        }
        row.setText(new String[] {status.imageId(), status.dpName(), status.describe()});
    }

    /** Each row's cells, for tests and the summary line. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(List.of(item.getText(0), item.getText(1), item.getText(2)));
        }
        return rows;
    }
}
