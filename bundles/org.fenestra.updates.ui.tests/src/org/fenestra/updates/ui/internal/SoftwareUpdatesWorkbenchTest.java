package org.fenestra.updates.ui.internal;

import static org.fenestra.ui.testing.Ui.await;
import static org.fenestra.ui.testing.Ui.catalog;
import static org.fenestra.ui.testing.Ui.controls;
import static org.fenestra.ui.testing.Ui.processEvents;
import static org.fenestra.ui.testing.Ui.screenshot;
import static org.fenestra.ui.testing.Ui.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.testing.LibraryDriver;
import org.fenestra.ui.testing.OsImagesDriver;
import org.fenestra.ui.testing.PropertiesDriver;
import org.fenestra.ui.testing.Ui;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.testing.TestPackages;
import org.fenestra.updates.testing.TestPackages.Parent;
import org.fenestra.updates.ui.internal.tabs.InstalledUpdatesTab;
import org.fenestra.updates.ui.internal.tabs.UpdateStatusTab;
import org.fenestra.updates.ui.internal.views.SoftwareUpdatesView;
import org.fenestra.updates.ui.internal.views.UpdateColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The software updates workbench parts in the real workbench under Xvfb, against the real
 * software updates service on the test H2 catalog, with format-true packages made by gcab and
 * an image WIM made by wimlib-imagex in the set-up. The tests run in order: the view's test
 * fills the catalog (through the view) that the tabs then show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoftwareUpdatesWorkbenchTest {

    private static final List<Parent> WIN11 = List.of(new Parent("10.0.22621.1", "EQ", "GE"));
    private static final String ROLLUP = "Package_for_RollupFix";

    @TempDir
    static Path work;
    static Path source;
    static Path spare;
    static Path imageWim;
    static OsImageRecord image;

    @BeforeAll
    static void makePackagesAndImage() throws Exception {
        source = Files.createDirectories(work.resolve("packages"));
        spare = Files.createDirectories(work.resolve("spare"));
        TestPackages packages = new TestPackages(Files.createDirectories(work.resolve("making")));
        packages.cbs(source.resolve("lcu-2361-x64.cab"),
                TestPackages.mum(ROLLUP, "22621.2361.1.0", "amd64", "KB5030219", "Security Update", WIN11, false), true);
        Path lcu = packages.cbs(source.resolve("lcu-2428-x64.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "amd64", "KB5031354", "Security Update", WIN11, false), true);
        packages.cbs(source.resolve("lcu-2428-x86.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "x86", "KB5031354", "Security Update", WIN11, false), true);
        packages.cbs(source.resolve("lcu-2428-arm64.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "arm64", "KB5031354", "Security Update", WIN11, false), false);
        packages.cbs(source.resolve("ssu-2420-x64.cab"),
                TestPackages.mum("Package_for_ServicingStack_2420", "22621.2420.1.0", "amd64", "KB5031600", "Update", WIN11, false),
                false);
        TestPackages.fpkg(source.resolve("contoso-1.fpkg"), TestPackages.fpkgManifest("FPK-1", "neutral", null, "10.0.22621.0"),
                TestPackages.fpkgPayload());
        byte[] cab = Files.readAllBytes(lcu);
        Files.write(source.resolve("truncated.cab"), Arrays.copyOf(cab, cab.length / 3));

        // An x64 image of build 22621.2361 that holds the 2361 cumulative update.
        imageWim = packages.wim(work.resolve("win11.wim"), 9, "10.0.22621", 2361, Map.of(
                ROLLUP + "~31bf3856ad364e35~amd64~~22621.2361.1.0.mum",
                TestPackages.mum(ROLLUP, "22621.2361.1.0", "amd64", "KB5030219", "Security Update", WIN11, false)));
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (image != null) {
            Ui.removeQuietly(image);
        }
    }

    @Test
    @Order(1)
    void softwareUpdatesNodeOpensTheViewWhichAddsSourcesSynchronizesFiltersSortsAndDownloads() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        LibraryDriver library = LibraryDriver.show();
        assertEquals(List.of("Operating Systems", "Software Updates"), library.childrenOf("Software Library"),
                "our node under Software Library, by order");
        library.open("Software Updates");
        SoftwareUpdatesView view = (SoftwareUpdatesView) page.findView(SoftwareUpdatesView.ID);
        assertNotNull(view, "selecting the node shows the Software Updates view");
        assertEquals(List.of("Article ID", "Title", "Classification", "Architecture", "Release Date", "Superseded",
                "Downloaded", "Offline-serviceable"),
                Arrays.stream(view.updatesViewer().getTable().getColumns()).map(column -> column.getText()).toList());
        assertEquals(List.of("Add Update Source...", "Remove Update Source", "Synchronize", "Download", "Refresh"),
                view.actions().stream().map(IAction::getText).toList());
        await(() -> view.statusText().startsWith("Showing 0 of 0 updates from 0 sources"), view::statusText);

        // A folder that does not exist is refused with the service's typed error, on the status line.
        addSource(view, work.resolve("no-such-folder").toString(), "");
        await(() -> view.statusText().contains("failed"), view::statusText);
        assertTrue(view.statusText().contains("no-such-folder"), view.statusText());
        assertEquals(List.of(), view.shownSources());

        addSource(view, source.toString(), "monthly");
        await(() -> view.shownSources().size() == 1, view::statusText);
        addSource(view, spare.toString(), "");
        await(() -> view.shownSources().size() == 2, view::statusText);
        assertEquals(List.of("monthly", "spare"), view.shownSources().stream().map(s -> s.name()).toList());

        // Remove: the selected source, after the admin confirms.
        view.sourcesViewer().setSelection(new StructuredSelection(view.shownSources().get(1)));
        processEvents();
        IAction remove = view.actions().get(1);
        assertTrue(remove.isEnabled());
        AtomicReference<Throwable> confirm = Ui.whenShellOpens("Remove Update Source", shell -> press(shell, "OK"));
        remove.run();
        Ui.assertHandled(confirm);
        await(() -> view.shownSources().size() == 1, view::statusText);

        view.actions().get(2).run(); // Synchronize (every source)
        await(() -> view.statusText().contains("Synchronized monthly"), view::statusText);
        await(() -> view.shownUpdates().size() == 5, view::statusText);
        String status = view.statusText();
        assertTrue(status.startsWith("Showing 5 of 6 updates from 1 source."), status);
        assertTrue(status.contains("6 added") && status.contains("1 package not read") && status.contains("truncated.cab"),
                "the damaged package is named, the others are read: " + status);
        assertFalse(column(view, UpdateColumn.ARTICLE).contains("KB5030219"), "2428 supersedes 2361: hidden unless asked for");
        screenshot(window().getShell(), "software-updates-synchronized.png");

        view.filterText().setText("kb5031354");
        processEvents();
        assertEquals(List.of("arm64", "x64", "x86"), column(view, UpdateColumn.ARCHITECTURE).stream().sorted().toList());
        selectArchitecture(view, "X64");
        assertEquals(List.of("x64"), column(view, UpdateColumn.ARCHITECTURE));
        screenshot(window().getShell(), "software-updates-filtered.png");
        view.filterText().setText("");
        selectArchitecture(view, "ARM64");
        assertEquals(List.of("FPK-1", "KB5031354"), column(view, UpdateColumn.ARTICLE), "neutral packages under every architecture");
        assertEquals(List.of("neutral", "arm64"), List.of(view.shownUpdates().get(0).architecture().identityName(),
                view.shownUpdates().get(1).architecture().identityName()));
        selectArchitecture(view, "All");
        view.showSuperseded().setSelection(true);
        view.showSuperseded().notifyListeners(SWT.Selection, new Event());
        processEvents();
        assertEquals(6, view.shownUpdates().size());
        int supersededRow = column(view, UpdateColumn.ARTICLE).indexOf("KB5030219");
        assertEquals("Yes", column(view, UpdateColumn.SUPERSEDED).get(supersededRow));
        assertEquals(1, column(view, UpdateColumn.SUPERSEDED).stream().filter("Yes"::equals).count());

        // Sorting: a click on a header sorts by it, a second click reverses.
        view.clickColumn(UpdateColumn.ARCHITECTURE);
        List<String> ascending = column(view, UpdateColumn.ARCHITECTURE);
        assertEquals(ascending.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), ascending);
        view.clickColumn(UpdateColumn.ARCHITECTURE);
        List<String> descending = column(view, UpdateColumn.ARCHITECTURE);
        assertEquals(ascending.stream().sorted(Comparator.reverseOrder()).toList(), descending);
        assertFalse(ascending.equals(descending));

        // Download the x64 cumulative update: the Downloaded column follows.
        UpdatePackage x64 = view.shownUpdates().stream()
                .filter(u -> u.articleId().equals("KB5031354") && u.architecture().identityName().equals("amd64"))
                .findFirst().orElseThrow();
        assertFalse(view.actions().get(3).isEnabled(), "Download needs a selection");
        view.updatesViewer().setSelection(new StructuredSelection(x64));
        processEvents();
        assertTrue(view.actions().get(3).isEnabled());
        view.actions().get(3).run();
        await(() -> view.statusText().contains("Downloaded 1 update"), view::statusText);
        await(() -> view.shownUpdates().stream().anyMatch(u -> u.id().equals(x64.id()) && u.state() == UpdateState.DOWNLOADED),
                view::statusText);
        int row = view.shownUpdates().indexOf(view.shownUpdates().stream().filter(u -> u.id().equals(x64.id())).findFirst().orElseThrow());
        assertEquals("Yes", view.updatesViewer().getTable().getItem(row).getText(UpdateColumn.DOWNLOADED.ordinal()));
        assertEquals("Unknown", view.updatesViewer().getTable().getItem(row).getText(UpdateColumn.OFFLINE.ordinal()),
                "its update.mum does not say");
        screenshot(window().getShell(), "software-updates-downloaded.png");
    }

    @Test
    @Order(2)
    void updateStatusTabShowsTheUpdatesThatApplyToTheSelectedImage() throws Exception {
        image = catalog().add(new NewOsImage("Windows 11 Enterprise 22H2", "2026-12", "", imageWim.toString(),
                imageWim.toString(), 1, "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(imageWim),
                new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-12-01T09:30:00Z"))));
        OsImagesDriver view = OsImagesDriver.show();
        assertTrue(view.detailsTabs().contains("Update Status"), view.detailsTabs().toString());
        view.awaitRow(image.id());
        UpdateStatusTab tab = statusTab(view);
        view.select(image.id());
        await(() -> tab.summary().contains("apply to"), tab::summary);
        // 2361 is in the image; 2428 x64 supersedes it; the SSU and the neutral Fenestra package apply too.
        assertEquals(List.of("FPK-1", "KB5031354", "KB5031600"),
                tab.shownUpdates().stream().map(UpdatePackage::articleId).sorted().toList());
        String summary = tab.summary();
        assertTrue(summary.startsWith("3 updates apply to Windows 11 Enterprise 22H2 and are not applied yet (1 security, 1 downloaded)."),
                summary);
        assertTrue(summary.contains("Installed: 1 found in the image, 0 applied by Fenestra since."), summary);
        view.selectDetailsTab("Update Status");
        screenshot(window().getShell(), "update-status-tab.png");

        view.clearSelection();
        await(() -> tab.summary().startsWith("Select an image"), tab::summary);
        assertEquals(List.of(), tab.shownUpdates());
    }

    @Test
    @Order(3)
    void installedUpdatesTabListsWhatTheImageHeldAtImport() throws Exception {
        assertNotNull(image, "the image of the previous test");
        PropertiesDriver dialog = PropertiesDriver.open(new ImageSummary(image.id(),
                image.name(), image.version(), image.osVersion(), "x64", "en-US", image.sizeBytes(), 1, image.dateAdded()));
        try {
            assertEquals(List.of("General", "Installed Updates"), dialog.tabTitles());
            InstalledUpdatesTab tab = dialog.tab(InstalledUpdatesTab.class);
            await(() -> tab.summary().startsWith("OS build"), tab::summary);
            assertEquals(List.of("KB5030219"), tab.shownUpdates().stream().map(InstalledUpdate::articleId).toList());
            assertEquals(InstalledUpdate.Origin.IN_IMAGE, tab.shownUpdates().get(0).origin());
            assertTrue(tab.summary().startsWith("OS build 10.0.22621.2361, X64. 1 package found in the image"), tab.summary());
            dialog.selectTab("Installed Updates");
            dialog.screenshot("installed-updates-tab.png");
        } finally {
            dialog.close();
        }
    }

    // ---- helpers ----

    /** Runs Add Update Source and fills its dialog as an admin would. */
    private static void addSource(SoftwareUpdatesView view, String path, String name) {
        AtomicReference<Throwable> failure = Ui.whenShellOpens("Add Update Source", shell -> {
            List<Text> fields = controls(shell, Text.class).stream().filter(Text::getEditable).toList();
            fields.get(0).setText(path);
            fields.get(1).setText(name);
            press(shell, "Add");
        });
        view.actions().get(0).run();
        Ui.assertHandled(failure);
    }

    private static void press(Shell shell, String label) {
        Button button = controls(shell, Button.class).stream().filter(b -> label.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " button in " + shell.getText()));
        assertTrue(button.isEnabled(), label + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static void selectArchitecture(SoftwareUpdatesView view, String label) {
        view.architectureCombo().select(Arrays.asList(view.architectureCombo().getItems()).indexOf(label));
        view.architectureCombo().notifyListeners(SWT.Selection, new Event());
        processEvents();
    }

    /** The texts of a column as the table shows them, top to bottom. */
    private static List<String> column(SoftwareUpdatesView view, UpdateColumn column) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < view.updatesViewer().getTable().getItemCount(); i++) {
            texts.add(view.updatesViewer().getTable().getItem(i).getText(column.ordinal()));
        }
        return texts;
    }

    private static UpdateStatusTab statusTab(OsImagesDriver view) {
        return (UpdateStatusTab) view.detailsTab("Update Status").getData(UpdateStatusTab.class.getName());
    }
}
