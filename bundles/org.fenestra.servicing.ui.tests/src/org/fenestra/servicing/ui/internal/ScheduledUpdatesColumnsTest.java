package org.fenestra.servicing.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.OsImagesDriver;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Scheduled Updates columns are in sight in the OS Images view of a 1280-pixel-wide workbench
 * (the tests' Xvfb screen) without scrolling: their order and default widths put them before the
 * table's right edge.
 */
@ExtendWith(LoggedErrors.class)
class ScheduledUpdatesColumnsTest {

    @Test
    void theScheduledUpdatesColumnsAreVisibleWithoutScrollingAt1280Pixels() throws Exception {
        OsImagesDriver view = OsImagesDriver.show();
        Ui.window().getShell().setMaximized(true);
        Ui.settle(300);
        assertTrue(Ui.window().getShell().getBounds().width <= 1280, "the tests' screen is 1280 pixels wide");
        Table table = view.table();
        int visible = table.getClientArea().width;
        List<String> titles = view.columnTitles();
        for (String title : List.of("Scheduled Updates Date", "Scheduled Updates Status")) {
            int right = rightEdge(table, titles.indexOf(title));
            assertTrue(right <= visible, title + " ends at " + right + " px, the table shows " + visible + " px: " + titles);
        }
        Ui.screenshot(Ui.window().getShell(), "os-images-scheduled-updates-columns.png");
    }

    /** Where the column ends, counting the columns before it in display order. */
    private static int rightEdge(Table table, int index) {
        int right = 0;
        for (int shown : table.getColumnOrder()) {
            right += table.getColumn(shown).getWidth();
            if (shown == index) {
                return right;
            }
        }
        throw new AssertionError("no column " + index);
    }
}
