package org.fenestra.ui.internal.views;

import static org.fenestra.ui.testing.Ui.await;
import static org.fenestra.ui.testing.Ui.processEvents;
import static org.fenestra.ui.testing.Ui.screenshot;
import static org.fenestra.ui.testing.Ui.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.app.AboutFenestraDialog;
import org.fenestra.ui.internal.app.Screenshots;
import org.fenestra.ui.internal.app.SiteFolders;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench as an admin of the console it follows uses it: the images' context menu,
 * the details pane, sorting and filtering, Delete and Refresh, Preferences, About and the
 * Logs view, on the real catalog, with screenshots. Any error or exception logged while a
 * test runs fails it ({@link LoggedErrors}).
 */
@ExtendWith(LoggedErrors.class)
class AdminConsoleTest {

    private static final String PARTNER_ACTION = "org.fenestra.sample.partner.action.copyInventory";

    @TempDir
    Path temp;

    @Test
    void theRowsContextMenuHoldsTheToolbarsActionsWithThePartners() throws Exception {
        OsImagesView view = imagesView();
        OsImageRecord image = Ui.addImage("Context Menu Image " + System.nanoTime(), "10.0.22631.1", 4_000_000_000L);
        try {
            select(view, awaitShown(view, image));
            Menu menu = view.viewer().getTable().getMenu();
            menu.notifyListeners(SWT.Show, new Event()); // as GTK does before it shows the menu
            List<String> items = Arrays.stream(menu.getItems()).filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                    .map(MenuItem::getText).toList();
            List<String> toolbar = view.actions().stream().map(IAction::getText).toList();
            assertEquals(List.of("Add Operating System Image", "Refresh", "Copy Inventory", "Delete", "Properties"),
                    toolbar);
            assertEquals(toolbar, items.stream().map(text -> text.replace("&", "")).toList());
            assertTrue(Arrays.stream(menu.getItems()).filter(item -> item.getText().equals("Copy Inventory"))
                    .allMatch(MenuItem::isEnabled), "the partner's action is enabled for one row");
            assertTrue(view.actions().stream().filter(a -> !a.getId().equals(PARTNER_ACTION))
                    .allMatch(a -> a.getImageDescriptor() != null), "an action without icon");

            // A picture of the open menu over the view (the popup is its own window on X11).
            Shell shell = window().getShell();
            Rectangle row = view.viewer().getTable().getItem(0).getBounds();
            menu.setLocation(view.viewer().getTable().toDisplay(row.x + 60, row.y + row.height));
            menu.setVisible(true);
            Ui.settle(500);
            assertTrue(Screenshots.saveWithoutActivating(shell, Ui.SCREENSHOTS.resolve("context-menu.png")));
            menu.setVisible(false);
            await(() -> !menu.isVisible(), () -> "the context menu did not close");
        } finally {
            Ui.removeQuietly(image);
        }
    }

    @Test
    void theDetailsPaneSummarisesTheSelection() throws Exception {
        OsImagesView view = imagesView();
        OsImageRecord first = Ui.addImage("Details Image A " + System.nanoTime(), "10.0.22631.4460", 5_234_567_890L);
        OsImageRecord second = Ui.addImage("Details Image B " + System.nanoTime(), "10.0.19045.1", 1_000_000L);
        try {
            assertEquals(List.of("Summary", "Inventory"), view.detailsTabs(), "Summary, then the partner's tab");
            ImageSummary row = awaitShown(view, first);
            awaitShown(view, second);
            select(view, row);
            List<String> values = view.detailsSummary();
            for (String expected : List.of(first.name(), first.id(), "10.0.22631.4460", "x64", "en-US", "4.9 GB", "1")) {
                assertTrue(values.contains(expected), expected + " not in the details: " + values);
            }
            screenshot(window().getShell(), "details-pane.png");
            String inventory = ((org.eclipse.swt.widgets.Text) view.detailsTab("Inventory")).getText();
            assertTrue(inventory.contains(first.id() + ","), "the contributed tab follows the selection: " + inventory);

            view.viewer().setSelection(new StructuredSelection(List.of(row, awaitShown(view, second))));
            processEvents();
            assertEquals(List.of(), view.detailsSummary(), "several images have no single summary");
        } finally {
            Ui.removeQuietly(first, second);
        }
    }

    @Test
    void columnsSortByTheirValuesAndTheFilterNarrowsTheRows() throws Exception {
        window().getActivePage().hideView(imagesView()); // a new view sorts by name
        OsImagesView view = imagesView();
        long tag = System.nanoTime();
        OsImageRecord small = Ui.addImage("Sort " + tag + " b small", "10.0.9200.1", 900L * 1024 * 1024);
        OsImageRecord large = Ui.addImage("Sort " + tag + " a large", "10.0.22631.1", 5L * 1024 * 1024 * 1024);
        OsImageRecord middle = Ui.addImage("Sort " + tag + " c middle", "10.0.19045.1", 3L * 1024 * 1024 * 1024);
        try {
            awaitShown(view, middle);
            view.filterText().setText("sort " + tag); // ignoring case
            processEvents();
            assertEquals(List.of(large.id(), small.id(), middle.id()), shownIds(view), "sorted by name");

            clickHeader(view, ImageColumn.SIZE);
            assertEquals(List.of(small.id(), middle.id(), large.id()), shownIds(view), "by size as a number");
            assertEquals(SWT.UP, view.viewer().getTable().getSortDirection());
            clickHeader(view, ImageColumn.SIZE);
            assertEquals(List.of(large.id(), middle.id(), small.id()), shownIds(view), "second click reverses");
            assertEquals(SWT.DOWN, view.viewer().getTable().getSortDirection());
            clickHeader(view, ImageColumn.OS_VERSION);
            assertEquals(List.of(small.id(), middle.id(), large.id()), shownIds(view), "9200 < 19045 < 22631");

            view.filterText().setText(" MIDDLE ");
            processEvents();
            assertEquals(List.of(middle.id()), shownIds(view));
            screenshot(window().getShell(), "sorted-filtered.png");
            view.filterText().setText("");
            processEvents();
            assertTrue(shownIds(view).containsAll(List.of(small.id(), middle.id(), large.id())));
            clickHeader(view, ImageColumn.NAME);
        } finally {
            view.filterText().setText("");
            Ui.removeQuietly(small, large, middle);
        }
    }

    @Test
    void columnHeadersAreNotCutOff() {
        OsImagesView view = imagesView();
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(view.viewer().getTable());
        try {
            for (org.eclipse.swt.widgets.TableColumn column : view.viewer().getTable().getColumns()) {
                int needed = gc.textExtent(column.getText()).x;
                assertTrue(column.getWidth() >= needed + 16, column.getText() + " is " + column.getWidth()
                        + " px wide, its title needs " + needed);
            }
        } finally {
            gc.dispose();
        }
    }

    @Test
    void deleteRemovesTheSelectedImagesWithTheFilesTheImportExtractedAndRefreshRereadsTheCatalog() throws Exception {
        OsImagesView view = imagesView();
        ImageCatalog catalog = Ui.catalog();
        Path extracted = Files.createTempFile("delete-me-index2-", ".wim");
        Path source = Files.createTempFile("delete-me-source-", ".wim");
        OsImageRecord doomed = catalog.add(new NewOsImage("Delete Me " + System.nanoTime(), "2026-11", "",
                source.toString(), extracted.toString(), 1, "10.0.22631.1", "Enterprise", Architecture.X64, "en-US",
                1_000L, new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:30:00Z")), 2, true));
        OsImageRecord kept = Ui.addImage("Keep Me " + System.nanoTime(), "10.0.22631.1", 1_000L);
        try {
            select(view, awaitShown(view, doomed));
            IAction delete = action(view, OsImagesView.DELETE_ACTION_ID);
            assertTrue(delete.isEnabled());
            AtomicReference<String> question = new AtomicReference<>();
            AtomicReference<Boolean> keepOffered = new AtomicReference<>();
            AtomicReference<Throwable> failure = Ui.whenShellOpens("Delete Operating System Images", dialog -> {
                question.set(Ui.controls(dialog, org.eclipse.swt.widgets.Label.class).stream()
                        .map(org.eclipse.swt.widgets.Label::getText).reduce("", (a, b) -> a + "\n" + b));
                keepOffered.set(Ui.controls(dialog, Button.class).stream().anyMatch(
                        b -> b.getText().equals("Keep the WIM files the import extracted") && !b.getSelection()));
                screenshot(dialog, "delete-confirmation.png");
                Ui.controls(dialog, Button.class).stream().filter(b -> "OK".equals(b.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError("no OK button")).notifyListeners(SWT.Selection, new Event());
            });
            delete.run();
            Ui.assertHandled(failure);
            assertTrue(question.get().contains(doomed.name()) && question.get().contains(doomed.id()), question.get());
            assertTrue(keepOffered.get(), "the dialog offers to keep the extracted files, unchecked");
            await(() -> !shownIds(view).contains(doomed.id()), () -> "deleted image still shown");
            assertThrows(ImageNotFoundException.class, () -> catalog.get(doomed.id()));
            await(() -> !Files.exists(extracted), () -> "the WIM the import extracted is deleted with its image");
            assertTrue(Files.exists(source), "a source WIM is never deleted");
            assertTrue(shownIds(view).contains(kept.id()));
            assertFalse(delete.isEnabled(), "nothing selected after the delete");

            view.setImages(List.of()); // as stale as a view can be
            action(view, OsImagesView.REFRESH_ACTION_ID).run();
            await(() -> shownIds(view).contains(kept.id()), () -> "Refresh did not read the catalog");
        } finally {
            Ui.removeQuietly(doomed, kept);
            Files.deleteIfExists(extracted);
            Files.deleteIfExists(source);
        }
    }

    /** Closing the view while the catalog changes must not touch its disposed widgets (it once logged SWTException). */
    @Test
    void closingTheViewWhileTheCatalogChangesLogsNothing() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        for (int round = 0; round < 3; round++) {
            OsImagesView view = imagesView();
            OsImageRecord image = Ui.addImage("Closing " + round + " " + System.nanoTime(), "10.0.22631.1", 1_000L);
            view.reload();
            page.hideView(view);
            Ui.catalog().remove(image.id());
            Ui.settle(300);
            Job.getJobManager().join(view, null);
            processEvents();
        }
        imagesView();
    }

    @Test
    void preferencesShowWhereTheSiteKeepsItsCatalogAndLogs() {
        IWorkbenchWindow window = window();
        AtomicReference<List<String>> shown = new AtomicReference<>();
        AtomicReference<Throwable> failure = Ui.whenShellOpens("Preferences", preferences -> {
            shown.set(Ui.controls(preferences, Text.class).stream().map(Text::getText).toList());
            screenshot(preferences, "preferences.png");
            preferences.close();
        });
        org.fenestra.ui.internal.app.FenestraActions.openPreferences(window);
        Ui.assertHandled(failure);
        List<String> values = shown.get();
        String catalog = SiteFolders.catalogLocation(org.fenestra.ui.internal.services.WorkbenchServices.of());
        assertTrue(catalog.startsWith("jdbc:h2:"), "the site database as the catalog service opened it: " + catalog);
        assertTrue(values.contains(catalog), values.toString());
        assertTrue(values.contains(SiteFolders.logFolder().toString()), values.toString());
        assertTrue(SiteFolders.logFolder().startsWith(SiteFolders.dataFolder()));
    }

    @Test
    void aboutShowsTheProductAndEveryBundlesVersion() {
        AboutFenestraDialog about = new AboutFenestraDialog(window().getShell());
        about.setBlockOnOpen(false);
        about.open();
        try {
            processEvents();
            String version = FrameworkUtil.getBundle(OsImagesView.class).getVersion().toString();
            assertEquals(version, AboutFenestraDialog.productVersion());
            assertTrue(Ui.controls(about.getShell(), org.eclipse.swt.widgets.Label.class).stream()
                    .anyMatch(label -> label.getText().equals("Fenestra " + version)));
            List<String> rows = about.bundleRows();
            assertTrue(rows.get(0).startsWith("org.fenestra."), "Fenestra's bundles come first: " + rows);
            assertTrue(rows.contains("org.fenestra.ui " + version), rows.toString());
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("org.eclipse.swt ")), rows.toString());
            screenshot(about.getShell(), "about.png");
        } finally {
            about.close();
        }
    }

    @Test
    void theLogsViewListsTheLogFilesNewestFirstAndShowsTheChosenOnesEnd() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        Path older = Files.writeString(logs.resolve("catalog.log"), "catalog opened\ncatalog closed\n");
        StringBuilder big = new StringBuilder();
        for (int line = 1; line <= 5000; line++) {
            big.append("import line ").append(line).append('\n');
        }
        Path newer = Files.writeString(logs.resolve("import.log"), big);
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));

        LogsView view = (LogsView) window().getActivePage().showView(LogsView.ID);
        try {
            view.showFolder(logs);
            await(() -> view.fileNames().equals(List.of("import.log", "catalog.log")), () -> view.fileNames().toString());
            await(() -> view.shownText().endsWith("import line 5000\n"), () -> "tail of import.log not shown");
            assertTrue(view.shownText().length() <= LogsView.TAIL_BYTES, "only the end of a long log is read");
            assertTrue(view.shownText().startsWith("import line "), "the tail starts at a line");
            await(view::showsTheEnd, () -> "the newest lines are not in view");
            screenshot(window().getShell(), "logs-view.png");

            view.choose("catalog.log");
            await(() -> view.shownText().equals("catalog opened\ncatalog closed\n"), view::shownText);
            Files.writeString(logs.resolve("catalog.log"), "catalog reopened\n", java.nio.file.StandardOpenOption.APPEND);
            action(view.getViewSite().getActionBars().getToolBarManager(), LogsView.REFRESH_ACTION_ID).run();
            await(() -> view.shownText().endsWith("catalog reopened\n"), view::shownText);
        } finally {
            window().getActivePage().hideView(view);
        }
    }

    // --- helpers

    private static OsImagesView imagesView() {
        try {
            return (OsImagesView) window().getActivePage().showView(OsImagesView.ID);
        } catch (org.eclipse.ui.PartInitException e) {
            throw new AssertionError(e);
        }
    }

    private static ImageSummary awaitShown(OsImagesView view, OsImageRecord image) {
        await(() -> shownIds(view).contains(image.id()), () -> image.id() + " not shown: " + shownIds(view));
        return view.shownImages().stream().filter(row -> row.id().equals(image.id())).findFirst().orElseThrow();
    }

    private static List<String> shownIds(OsImagesView view) {
        return view.shownImages().stream().map(ImageSummary::id).toList();
    }

    private static void select(OsImagesView view, ImageSummary row) {
        view.viewer().setSelection(new StructuredSelection(row), true);
        processEvents();
    }

    private static void clickHeader(OsImagesView view, ImageColumn column) {
        view.viewer().getTable().getColumn(view.columnIndex(column)).notifyListeners(SWT.Selection, new Event());
        processEvents();
    }

    private static IAction action(OsImagesView view, String id) {
        return view.actions().stream().filter(a -> id.equals(a.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + id));
    }

    private static IAction action(org.eclipse.jface.action.IContributionManager manager, String id) {
        return ((org.eclipse.jface.action.ActionContributionItem) manager.find(id)).getAction();
    }

}
