package org.fenestra.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.app.Screenshots;
import org.fenestra.ui.internal.properties.ImagePropertiesDialog;
import org.fenestra.ui.internal.views.ImageColumn;
import org.fenestra.ui.internal.views.LibraryNavigatorView;
import org.fenestra.ui.internal.views.OsImagesView;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Drives the real Fenestra workbench (started by the UI harness under Xvfb) with the sample
 * partner plugin installed, and saves screenshots under {@code target/screenshots/}.
 */
class WorkbenchTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PARTNER_ACTION = "org.fenestra.sample.partner.action.copyInventory";
    private static final ImageSummary WINDOWS_11 = new ImageSummary("FEN00001", "Windows 11 Enterprise 23H2",
            "2026-11", "10.0.22631.4460", "x64", "en-US", 5_234_567_890L, 3, null, "", Instant.parse("2026-11-24T09:30:00Z"));

    @Test
    void windowShowsTheLibraryTreeWithOurAndThePartnersNodes() {
        IWorkbenchWindow window = window();
        assertEquals("Fenestra", window.getShell().getText());
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
        assertEquals(List.of("Name", "Version", "OS Version", "Architecture", "Language", "Size", "Image Index",
                "Scheduled Updates Date", "Scheduled Updates Status", "Date Added"), columns);
        assertEquals(Arrays.stream(ImageColumn.values()).map(ImageColumn::title).toList(), columns);
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
            assertEquals("4.9 GB", view.viewer().getTable().getItem(0).getText(ImageColumn.SIZE.ordinal()));
            assertEquals("x64", view.viewer().getTable().getItem(0).getText(ImageColumn.ARCHITECTURE.ordinal()));
            assertTrue(partner.isEnabled());
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

    private static ImageCatalog catalog() throws InterruptedException {
        ServiceTracker<ImageCatalog, ImageCatalog> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(WorkbenchTest.class).getBundleContext(), ImageCatalog.class, null);
        tracker.open();
        ImageCatalog catalog = tracker.waitForService(30_000);
        assertNotNull(catalog, "no ImageCatalog service");
        return catalog;
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
    void propertiesDialogShowsGeneralThenThePartnersTab() {
        ImagePropertiesDialog dialog = new ImagePropertiesDialog(window().getShell(), WINDOWS_11);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            processEvents();
            List<String> tabs = Arrays.stream(dialog.tabFolder().getItems()).map(TabItem::getText).toList();
            assertEquals(List.of("General", "Inventory (Sample Partner)"), tabs);
            assertTrue(Screenshots.save(dialog.getShell(), SCREENSHOTS.resolve("properties-general-tab.png")));
            dialog.tabFolder().setSelection(1);
            processEvents();
            assertTrue(Screenshots.save(dialog.getShell(), SCREENSHOTS.resolve("properties-partner-tab.png")));
            assertTrue(Files.size(SCREENSHOTS.resolve("properties-partner-tab.png")) > 1000);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            dialog.close();
        }
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

    private static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        processEvents();
        return window;
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }

    private static List<String> texts(TreeItem[] items) {
        return Arrays.stream(items).map(TreeItem::getText).toList();
    }
}
