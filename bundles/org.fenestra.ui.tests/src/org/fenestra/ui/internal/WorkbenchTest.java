package org.fenestra.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.fenestra.ui.testing.Ui.catalog;
import static org.fenestra.ui.testing.Ui.controls;
import static org.fenestra.ui.testing.Ui.processEvents;
import static org.fenestra.ui.testing.Ui.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.app.Screenshots;
import org.fenestra.ui.internal.properties.GeneralPropertyTab;
import org.fenestra.ui.internal.properties.ImagePropertiesDialog;
import org.fenestra.ui.internal.views.ImageColumn;
import org.fenestra.ui.internal.views.ViewColumn;
import org.fenestra.ui.internal.views.LibraryNavigatorView;
import org.fenestra.ui.internal.views.OsImagesView;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives the real Fenestra workbench (started by the UI harness under Xvfb) with the sample
 * partner plugin installed, and saves screenshots under {@code target/screenshots/}.
 */
@ExtendWith(LoggedErrors.class)
class WorkbenchTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PARTNER_ACTION = "org.fenestra.sample.partner.action.copyInventory";
    @Test
    void windowShowsTheLibraryTreeWithOurAndThePartnersNodes() {
        IWorkbenchWindow window = window();
        assertEquals("Fenestra", window.getShell().getText());
        org.eclipse.swt.graphics.Rectangle screen = window.getShell().getMonitor().getClientArea();
        org.eclipse.swt.graphics.Rectangle bounds = window.getShell().getBounds();
        assertTrue(bounds.width >= screen.width * 8 / 10 && bounds.width <= screen.width
                && bounds.height >= screen.height * 8 / 10, "window not sized to the screen " + screen + ": " + bounds);
        LibraryNavigatorView navigator = (LibraryNavigatorView) window.getActivePage().findView(LibraryNavigatorView.ID);
        assertNotNull(navigator, "Software Library view not in the perspective");

        TreeItem[] roots = navigator.viewer().getTree().getItems();
        assertEquals(List.of("Software Library"), texts(roots));
        List<String> libraryChildren = texts(roots[0].getItems());
        assertEquals(List.of("Operating Systems", "Compliance Reports"), libraryChildren);
        assertEquals(List.of("Operating System Images"), texts(roots[0].getItems()[0].getItems()));
    }

    @Test
    void osImagesViewShowsTheCatalogsImagesWithTheAdminColumnsAndThePartnerAction() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        OsImagesView view = (OsImagesView) page.showView(OsImagesView.ID);
        List<String> columns = Arrays.stream(view.viewer().getTable().getColumns()).map(TableColumn::getText).toList();
        // The partner's Asset Owner column (order 65) sits between Fenestra's own, by order.
        assertEquals(List.of("Name", "Version", "OS Version", "Architecture", "Language", "Size", "Image Index",
                "Asset Owner", "Date Added"), columns);
        assertEquals(view.columns().stream().map(ViewColumn::title).toList(), columns);
        assertEquals(List.of("Summary", "Inventory"), view.detailsTabs());
        awaitRows(view, 0);

        Action partner = view.contributedActions().stream().filter(a -> a.getId().equals(PARTNER_ACTION))
                .findFirst().orElseThrow(() -> new AssertionError("partner action not on the toolbar"));
        assertEquals("Copy Inventory", partner.getText());
        assertTrue(!partner.isEnabled(), "selection=many: disabled without a selection");
        assertNotNull(view.getViewSite().getActionBars().getToolBarManager().find(PARTNER_ACTION));

        // The row comes from the real site catalog; the view follows it without being told.
        ImageCatalog catalog = catalog();
        OsImageRecord added = catalog.add(new NewOsImage("Windows 11 Enterprise 23H2", "2026-11", "",
                "/share/install.wim", "/library/install-3.wim", 3, "10.0.22631.4460", "Enterprise", Architecture.X64,
                "en-US", 5_234_567_890L, new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:30:00Z"))));
        try {
            ImageSummary row = awaitRows(view, 1).get(0);
            assertEquals(added.id(), row.id());
            view.viewer().setSelection(new StructuredSelection(row));
            processEvents();
            assertEquals("Windows 11 Enterprise 23H2", view.viewer().getTable().getItem(0).getText(0));
            assertEquals("4.9 GB", view.viewer().getTable().getItem(0).getText(view.columnIndex(ImageColumn.SIZE)));
            assertEquals("x64", view.viewer().getTable().getItem(0).getText(view.columnIndex(ImageColumn.ARCHITECTURE)));
            assertTrue(partner.isEnabled());
            assertEquals(System.getProperty("user.name", ""), view.viewer().getTable().getItem(0)
                    .getText(view.columnIndex(view.columns().get(7))), "the contributed column's value, read by its load");
            assertTrue(Screenshots.save(window().getShell(), SCREENSHOTS.resolve("workbench.png")));

            partner.run();
            Clipboard clipboard = new Clipboard(Display.getCurrent());
            try {
                String csv = (String) clipboard.getContents(TextTransfer.getInstance());
                assertEquals("id,name,os_version,architecture,language,image_index,size_bytes\r\n"
                        + added.id() + ",Windows 11 Enterprise 23H2,10.0.22631.4460,x64,en-US,3,5234567890\r\n", csv);
            } finally {
                clipboard.dispose();
            }
        } finally {
            catalog.remove(added.id());
        }
        assertEquals(List.of(), awaitRows(view, 0), "removed image still shown");
    }

    /** Runs the event loop until the view shows {@code count} rows (the catalog reloads in a Job). */
    @SuppressWarnings("unchecked")
    private static List<ImageSummary> awaitRows(OsImagesView view, int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<ImageSummary> rows = (List<ImageSummary>) view.viewer().getInput();
            if (rows.size() == count) {
                return rows;
            }
            if (!Display.getCurrent().readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("view did not show " + count + " rows within 20 s: " + view.viewer().getInput());
    }

    @Test
    void propertiesDialogShowsTheFullRecordSavesGeneralEditsAndRefusesATakenName() throws Exception {
        ImageCatalog catalog = catalog();
        OsImageRecord image = catalog.add(new NewOsImage("Windows 11 Enterprise 23H2", "2026-11", "Gold image",
                "\\\\fileserver\\os$\\install.wim", "/library/install-index3.wim", 3, "10.0.22631.4460",
                "Enterprise", Architecture.X64, "en-US", 5_234_567_890L,
                new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:30:00Z"))),
                new ImageFacts("Windows 10 Enterprise", "Enterprise", "Client", 22631, 4460, "23H2",
                        List.of("de-DE", "en-US")));
        OsImageRecord other = catalog.add(new NewOsImage("Windows 10 LTSC", "", "", "/share/ltsc.wim",
                "/share/ltsc.wim", 1, "10.0.19044.1288", "EnterpriseS", Architecture.X64, "en-US", 4_000_000_000L,
                new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:30:00Z"))));
        ImagePropertiesDialog dialog = new ImagePropertiesDialog(window().getShell(), new ImageSummary(image.id(),
                image.name(), image.version(), image.osVersion(), "x64", "en-US", image.sizeBytes(), 3,
                image.dateAdded()));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            GeneralPropertyTab loading = (GeneralPropertyTab) dialog.tabs().get(0);
            Ui.await(loading::isLoaded, () -> "the General tab did not read the record");
            List<String> tabs = Arrays.stream(dialog.tabFolder().getItems()).map(TabItem::getText).toList();
            assertEquals(List.of("General", "Inventory (Sample Partner)"), tabs);
            List<String> shown = texts(dialog.tabFolder().getItem(0).getControl()).stream().map(Text::getText).toList();
            for (String value : List.of(image.id(), "Windows 11 Enterprise 23H2", "2026-11", "Gold image",
                    "\\\\fileserver\\os$\\install.wim", "/library/install-index3.wim", "Enterprise", "x64", "en-US",
                    "3", "10.0.22631.4460", "4.9 GB (5,234,567,890 bytes)", "1",
                    "Windows 10 Enterprise", "Client", "22631.4460", "23H2", "de-DE, en-US")) {
                assertTrue(shown.contains(value), value + " not on the General tab: " + shown);
            }
            assertTrue(shown.stream().anyMatch(v -> v.startsWith("CONTOSO\\admin, ")), shown.toString());
            assertTrue(Screenshots.save(dialog.getShell(), SCREENSHOTS.resolve("properties-general-tab.png")));

            Text name = editable(dialog, "Windows 11 Enterprise 23H2");
            name.setText("windows 10 ltsc");
            pressOk(dialog);
            GeneralPropertyTab general = (GeneralPropertyTab) dialog.tabs().get(0);
            assertTrue(general.problem().contains("already exists: " + other.id()), general.problem());
            assertTrue(!dialog.getShell().isDisposed(), "a refused save keeps the dialog open");
            assertTrue(Screenshots.save(dialog.getShell(), SCREENSHOTS.resolve("properties-name-taken.png")));
            assertEquals("Windows 11 Enterprise 23H2", catalog.get(image.id()).name());

            dialog.tabFolder().setSelection(1);
            processEvents();
            assertTrue(Screenshots.save(dialog.getShell(), SCREENSHOTS.resolve("properties-partner-tab.png")));
            assertTrue(Files.size(SCREENSHOTS.resolve("properties-partner-tab.png")) > 1000);

            name.setText("Windows 11 Enterprise 23H2 (patched)");
            editable(dialog, "Gold image").setText("Gold image, December updates");
            pressOk(dialog);
            assertTrue(dialog.getShell() == null, "the dialog closes after a successful save");
            OsImageRecord saved = catalog.get(image.id());
            assertEquals("Windows 11 Enterprise 23H2 (patched)", saved.name());
            assertEquals("Gold image, December updates", saved.comment());
            assertEquals("2026-11", saved.version());
        } finally {
            dialog.close();
            catalog.remove(image.id());
            catalog.remove(other.id());
        }
    }

    /** Presses the dialog's OK button as a click would. */
    private static void pressOk(ImagePropertiesDialog dialog) {
        Button ok = controls(dialog.getShell(), Button.class).stream().filter(b -> "OK".equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no OK button"));
        ok.notifyListeners(SWT.Selection, new Event());
        processEvents();
    }

    private static Text editable(ImagePropertiesDialog dialog, String value) {
        return texts(dialog.tabFolder().getItem(0).getControl()).stream()
                .filter(t -> t.getEditable() && t.getText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no editable field holding " + value));
    }

    private static List<Text> texts(Control root) {
        return controls(root, Text.class);
    }

    @Test
    void selectingTheImagesNodeShowsTheImagesView() {
        IWorkbenchPage page = window().getActivePage();
        page.hideView(page.findView(OsImagesView.ID));
        LibraryNavigatorView navigator = (LibraryNavigatorView) page.findView(LibraryNavigatorView.ID);
        TreeItem imagesNode = navigator.viewer().getTree().getItem(0).getItem(0).getItem(0);
        navigator.viewer().setSelection(new StructuredSelection(imagesNode.getData()), true);
        processEvents();
        assertNotNull(page.findView(OsImagesView.ID), "selecting Operating System Images did not show its view");
    }

    private static List<String> texts(TreeItem[] items) {
        return Arrays.stream(items).map(TreeItem::getText).toList();
    }
}
