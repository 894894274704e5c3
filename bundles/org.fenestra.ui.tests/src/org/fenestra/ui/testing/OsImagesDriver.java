package org.fenestra.ui.testing;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PartInitException;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.views.OsImagesView;
import org.fenestra.ui.internal.views.ViewColumn;

/**
 * Drives the Operating System Images view for the workbench tests of other bundles, which must not
 * reach into org.fenestra.ui's internal packages: find and select an image's row, read a column's
 * cell, run an action, read the details pane, open Properties. Call it on the UI thread.
 */
public final class OsImagesDriver {

    private final OsImagesView view;

    private OsImagesDriver(OsImagesView view) {
        this.view = view;
    }

    /** Shows the view (opening it if need be) and reloads it from the catalog. */
    public static OsImagesDriver show() throws PartInitException {
        OsImagesView view = (OsImagesView) Ui.window().getActivePage().showView(OsImagesView.ID);
        view.reload();
        return new OsImagesDriver(view);
    }

    public void reload() {
        view.reload();
    }

    /** The rows as shown (filtered and sorted). */
    public List<ImageSummary> shownImages() {
        return view.shownImages();
    }

    /** The image's row, or null when it is not shown. */
    public ImageSummary row(String imageId) {
        return view.shownImages().stream().filter(i -> i.id().equals(imageId)).findFirst().orElse(null);
    }

    /** Waits (reloading now and then) until the image's row is shown; the row. */
    public ImageSummary awaitRow(String imageId) {
        long[] lastReload = { System.currentTimeMillis() };
        Ui.await(() -> {
            if (row(imageId) != null) {
                return true;
            }
            if (System.currentTimeMillis() - lastReload[0] > 1000) {
                lastReload[0] = System.currentTimeMillis();
                view.reload();
            }
            return false;
        }, () -> imageId + " is not shown");
        return row(imageId);
    }

    /** Selects the image's row as a click does (its details and the actions' enablement follow); the row. */
    public ImageSummary select(String imageId) {
        ImageSummary row = awaitRow(imageId);
        view.viewer().setSelection(new StructuredSelection(row), true);
        Ui.processEvents();
        return row;
    }

    /** Selects no row, as a click on empty space does. */
    public void clearSelection() {
        view.viewer().setSelection(StructuredSelection.EMPTY);
        Ui.processEvents();
    }

    public List<String> columnTitles() {
        return view.columns().stream().map(ViewColumn::title).toList();
    }

    /** The text of the image's cell in the column titled {@code title}; null when the row is not shown. */
    public String cell(String imageId, String title) {
        int index = view.columnIndex(column(title));
        List<ImageSummary> shown = view.shownImages();
        for (int row = 0; row < shown.size(); row++) {
            if (shown.get(row).id().equals(imageId)) {
                return view.viewer().getTable().getItem(row).getText(index);
            }
        }
        return null;
    }

    /** Waits (reloading now and then) until the image's cell in that column starts with {@code expected}. */
    public void awaitCell(String imageId, String title, String expected) {
        long[] lastReload = { System.currentTimeMillis() };
        Ui.await(() -> {
            String cell = cell(imageId, title);
            if (cell != null && cell.startsWith(expected)) {
                return true;
            }
            if (System.currentTimeMillis() - lastReload[0] > 500) {
                lastReload[0] = System.currentTimeMillis();
                view.reload();
            }
            return false;
        }, () -> title + " of " + imageId + " is " + cell(imageId, title) + ", not " + expected);
    }

    /** Scrolls the table so the column titled {@code title} is visible. */
    public void showColumn(String title) {
        Table table = view.viewer().getTable();
        table.showColumn(table.getColumn(view.columnIndex(column(title))));
        Ui.processEvents();
    }

    private ViewColumn column(String title) {
        return view.columns().stream().filter(c -> c.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + title + " in " + columnTitles()));
    }

    public Table table() {
        return view.viewer().getTable();
    }

    /** The view's action with this ID (its own or a contributed one). */
    public IAction action(String id) {
        return view.actions().stream().filter(a -> id.equals(a.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + id));
    }

    /** The view's actions in toolbar order. */
    public List<IAction> actions() {
        return view.actions();
    }

    /** The titles of the details pane's tabs. */
    public List<String> detailsTabs() {
        return view.detailsTabs();
    }

    /** The control of the details pane's tab titled {@code title}, or null. */
    public Control detailsTab(String title) {
        return view.detailsTab(title);
    }

    /** Brings the details pane's tab titled {@code title} to the front; its control. */
    public Control selectDetailsTab(String title) {
        Control control = view.detailsTab(title);
        if (control == null) {
            throw new AssertionError("no details tab " + title + " in " + detailsTabs());
        }
        CTabFolder folder = (CTabFolder) control.getParent();
        folder.setSelection(Arrays.stream(folder.getItems()).filter(item -> item.getControl() == control).findFirst()
                .orElseThrow());
        Ui.processEvents();
        return control;
    }

    /** Opens Properties of the image (not blocking the test); close it with {@link PropertiesDriver#close()}. */
    public PropertiesDriver openProperties(String imageId) {
        return PropertiesDriver.open(awaitRow(imageId));
    }
}
