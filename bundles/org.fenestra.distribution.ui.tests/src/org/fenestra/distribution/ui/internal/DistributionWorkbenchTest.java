package org.fenestra.distribution.ui.internal;

import static org.fenestra.ui.testing.Ui.await;
import static org.fenestra.ui.testing.Ui.processEvents;
import static org.fenestra.ui.testing.Ui.screenshot;
import static org.fenestra.ui.testing.Ui.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.testing.TestDistributionPoint;
import org.fenestra.distribution.ui.internal.distribute.DistributeContentWizard;
import org.fenestra.distribution.ui.internal.distribute.DpChoicePage;
import org.fenestra.distribution.ui.internal.points.AddDistributionPointDialog;
import org.fenestra.distribution.ui.internal.points.DistributionPointsView;
import org.fenestra.distribution.ui.internal.status.ContentLocationsTab;
import org.fenestra.distribution.ui.internal.status.ContentStatusDetailsTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.testing.LibraryDriver;
import org.fenestra.ui.testing.OsImagesDriver;
import org.fenestra.ui.testing.PropertiesDriver;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin's day with distribution points in the workbench, in order: register two real DPs
 * (HTTPS on loopback, their own content libraries) through the Distribution Points view, send a
 * real WIM (captured by wimlib-imagex) to both with the Distribute Content wizard, see it
 * Installed in the image's Content Locations and in the details pane's Content Status, damage
 * the copy on one DP and see validation name the file, then redistribute. The site services are
 * the ones DS runs, on the real H2 catalog; screenshots under target/screenshots.
 */
@ExtendWith(LoggedErrors.class)
@TestMethodOrder(OrderAnnotation.class)
class DistributionWorkbenchTest {

    private static final String WIM_NAME = "Contoso-Win11.wim";

    @TempDir
    static Path dir;
    private static TestDistributionPoint dp1;
    private static TestDistributionPoint dp2;
    private static String prefix;
    private static Path wim;
    private static String sha;
    private static OsImageRecord image;

    @BeforeAll
    static void startDpsAndCaptureAnImage() throws Exception {
        prefix = "U" + Long.toString(System.nanoTime() % 1_000_000, 36);
        dp1 = TestDistributionPoint.start(dir.resolve("dp1"));
        dp2 = TestDistributionPoint.start(dir.resolve("dp2"));
        Path source = Files.createDirectories(dir.resolve("source"));
        byte[] data = new byte[6 << 20];
        new Random(20).nextBytes(data); // incompressible, so the WIM is several MB and the progress shows
        Files.write(source.resolve("data.bin"), data);
        Files.writeString(source.resolve("readme.txt"), "distribution workbench test\n");
        wim = dir.resolve(WIM_NAME);
        Process capture = new ProcessBuilder("wimlib-imagex", "capture", source.toString(), wim.toString(),
                "Contoso Windows 11", "--compress=none").redirectErrorStream(true).start();
        String output = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, capture.waitFor(), output);
        sha = sha256(wim);
        image = Ui.catalog().add(new NewOsImage(prefix + " Contoso Windows 11", "2026-12", "", wim.toString(),
                wim.toString(), 1, "10.0.22631.4460", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("CONTOSO\\admin", Instant.now())));
    }

    @AfterAll
    static void stopDps() throws Exception {
        Ui.removeQuietly(image);
        dp1.close();
        dp2.close();
    }

    private static String name(int i) {
        return prefix + "-DP0" + i;
    }

    @Test
    @Order(1)
    void theAdministrationNodeOpensTheDpViewWhereDpsAreAddedCheckedAgainstTheDp() throws Exception {
        LibraryDriver library = LibraryDriver.show();
        assertTrue(library.childrenOf("Administration").contains("Distribution Points"), library.names().toString());
        library.open("Distribution Points");
        DistributionPointsView view = (DistributionPointsView) window().getActivePage()
                .findView(DistributionPointsView.ID);
        assertNotNull(view, "selecting the node shows the Distribution Points view");

        // A wrong secret: the DP refuses the site, the dialog says so and stays open, nothing is saved.
        addDp(view, name(1), dp1, "0".repeat(64), shell -> {
            AddDistributionPointDialog dialog = (AddDistributionPointDialog) shell.getData();
            press(shell, IDialogConstants.OK_LABEL);
            await(() -> dialog.shownError() != null, () -> "no error shown for a wrong secret");
            assertTrue(dialog.shownError().contains("did not accept the site"), dialog.shownError());
            screenshot(shell, "add-dp-refused.png");
            dialog.fields().get(3).setText(secret(dp1));
            press(shell, IDialogConstants.OK_LABEL);
            await(shell::isDisposed, () -> "the dialog did not close after the DP accepted: " + dialog.shownError());
        });
        addDp(view, name(2), dp2, secret(dp2), shell -> {
            press(shell, IDialogConstants.OK_LABEL);
            await(shell::isDisposed, () -> "the dialog did not close: "
                    + ((AddDistributionPointDialog) shell.getData()).shownError());
        });

        await(() -> shownDps(view).equals(List.of(name(1), name(2))), () -> "DPs shown: " + shownDps(view));
        await(() -> view.viewer().getTable().getItemCount() == view.shownRows().size(), () -> "table rows: "
                + view.viewer().getTable().getItemCount() + ", model: " + view.shownRows().size());
        assertEquals(name(1), view.viewer().getTable().getItem(0).getText(0), "the table shows the DPs");
        DistributionPointsView.DpRow first = view.shownRows().get(0);
        assertEquals(dp1.url(), first.point().url().toString());
        assertEquals(dp1.fingerprint().replace(":", "").toLowerCase(),
                first.point().fingerprint().replace(":", "").toLowerCase());
        assertEquals("No content", first.status());
        screenshot(window().getShell(), "distribution-points-view.png");
    }

    @Test
    @Order(2)
    void theDistributeContentWizardSendsTheImageToBothDps() throws Exception {
        OsImagesDriver images = OsImagesDriver.show();
        images.select(image.id());
        IAction distribute = images.action("org.fenestra.distribution.ui.action.distributeContent");
        assertTrue(distribute.isEnabled());

        AtomicReference<Throwable> failure = Ui.whenShellOpens(DistributeContentWizard.TITLE, shell -> {
            DistributeContentWizard wizard = (DistributeContentWizard) ((WizardDialog) shell.getData()).getCurrentPage()
                    .getWizard();
            DpChoicePage choice = wizard.choicePage();
            await(choice::loaded, () -> "the DPs were not listed");
            assertFalse(choice.isPageComplete(), "nothing chosen yet");
            choice.check(name(1), true);
            choice.check(name(2), true);
            assertTrue(choice.isPageComplete());
            screenshot(shell, "distribute-1-choose.png");
            press(shell, IDialogConstants.NEXT_LABEL);

            String summary = wizard.summaryPage().shownText();
            for (String expected : List.of(image.id(), image.name(), name(1), name(2))) {
                assertTrue(summary.contains(expected), expected + " not in the summary: " + summary);
            }
            screenshot(shell, "distribute-2-summary.png");
            press(shell, IDialogConstants.NEXT_LABEL);
            screenshot(shell, "distribute-3-progress.png");
            assertFalse(button(shell, IDialogConstants.BACK_LABEL).isEnabled(), "no way back once started");

            await(() -> wizard.getContainer().getCurrentPage() == wizard.completionPage(),
                    () -> "not finished; progress: " + wizard.progressPage().shownRows());
            assertEquals("2 of 2 installed.", wizard.completionPage().headline());
            assertEquals(List.of(List.of(image.id(), name(1), "Installed (version 1)"),
                    List.of(image.id(), name(2), "Installed (version 1)")),
                    wizard.completionPage().shownRows().stream().sorted((a, b) -> a.get(1).compareTo(b.get(1))).toList());
            screenshot(shell, "distribute-4-completion.png");
            press(shell, IDialogConstants.FINISH_LABEL);
        });
        distribute.run();
        Ui.assertHandled(failure);

        for (ContentStatus status : DistributionServices.distribution().status(image.id())) {
            assertEquals(State.INSTALLED, status.state(), status.describe());
        }
        assertEquals(sha, sha256(stored(dir.resolve("dp1"))), "bit-exact on DP 1");
        assertEquals(sha, sha256(stored(dir.resolve("dp2"))), "bit-exact on DP 2");
    }

    @Test
    @Order(3)
    void theDetailsPaneCountsTheImagesContentPerState() throws Exception {
        OsImagesDriver images = OsImagesDriver.show();
        images.select(image.id());
        ContentStatusDetailsTab tab = detailsTab(images);
        await(() -> "2".equals(tab.shownCount(State.INSTALLED)), () -> "Installed: " + tab.shownCount(State.INSTALLED));
        assertEquals("0", tab.shownCount(State.FAILED));
        assertEquals(image.name() + ": content on 2 distribution point(s)", tab.shownHeading());
        screenshot(window().getShell(), "details-content-status.png");

        images.clearSelection();
        assertEquals("0", tab.shownCount(State.INSTALLED), "no selection, no counts");
    }

    @Test
    @Order(4)
    void contentLocationsShowsEachDpAndValidationNamesTheDamagedFileUntilRedistributeRepairsIt() throws Exception {
        Path damaged = stored(dir.resolve("dp2"));
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.seek(1_000_000);
            int b = file.read();
            file.seek(1_000_000);
            file.write(b ^ 0x10);
        }
        ImageSummary row = OsImagesDriver.show().awaitRow(image.id());

        AtomicReference<Throwable> failure = Ui.whenShellOpens(row.name() + " Properties", shell -> {
            PropertiesDriver dialog = PropertiesDriver.of(shell);
            ContentLocationsTab tab = dialog.tab(ContentLocationsTab.class);
            dialog.selectTab("Content Locations");
            await(() -> states(tab).equals(List.of(name(1) + " Installed (version 1)", name(2) + " Installed (version 1)")),
                    () -> "shown: " + states(tab));
            screenshot(shell, "content-locations-installed.png");

            press(tab.validateButton()); // nothing selected: every DP holding the image
            await(() -> tab.shownFindings().contains(name(2) + ": damaged"), tab::shownFindings);
            assertTrue(tab.shownFindings().contains(name(1) + ": every file is intact"), tab.shownFindings());
            assertTrue(tab.shownFindings().contains(WIM_NAME + ": expected SHA-256 " + sha), tab.shownFindings());
            await(() -> states(tab).get(1).startsWith(name(2) + " Failed: ") && states(tab).get(1).contains(WIM_NAME),
                    () -> "shown: " + states(tab));
            assertEquals(name(1) + " Installed (version 1)", states(tab).get(0));
            screenshot(shell, "content-locations-validation-failed.png");

            ContentStatus failed = tab.shownStatuses().get(1);
            tab.viewer().setSelection(new StructuredSelection(failed));
            processEvents();
            press(tab.redistributeButton());
            await(() -> tab.idle() && states(tab).get(1).equals(name(2) + " Installed (version 1)"),
                    () -> "shown: " + states(tab) + " / " + tab.shownFindings());
            screenshot(shell, "content-locations-redistributed.png");
            press(shell, IDialogConstants.CANCEL_LABEL);
        });
        PropertiesDriver.openModal(row);
        Ui.assertHandled(failure);
        assertEquals(sha, sha256(damaged), "redistribute repaired the DP's copy");
    }

    @Test
    @Order(5)
    void aValidationFailureShowsInTheDetailsPaneWithTheFileName() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(stored(dir.resolve("dp1")).toFile(), "rw")) {
            file.seek(2_000_000);
            int b = file.read();
            file.seek(2_000_000);
            file.write(b ^ 0x01);
        }
        assertFalse(DistributionServices.distribution().validate(image.id(), List.of(name(1))).get(0).valid());
        OsImagesDriver images = OsImagesDriver.show();
        images.select(image.id());
        ContentStatusDetailsTab tab = detailsTab(images);
        await(() -> "1".equals(tab.shownCount(State.FAILED)), () -> "Failed: " + tab.shownCount(State.FAILED));
        assertEquals("1", tab.shownCount(State.INSTALLED));
        assertTrue(tab.shownFailures().startsWith(name(1) + ": ") && tab.shownFailures().contains(WIM_NAME),
                tab.shownFailures());
        screenshot(window().getShell(), "details-content-status-failed.png");
    }

    @Test
    @Order(6)
    void removeForgetsTheDpAfterConfirmation() throws Exception {
        DistributionPointsView view = (DistributionPointsView) window().getActivePage().showView(DistributionPointsView.ID);
        await(() -> shownDps(view).equals(List.of(name(1), name(2))), () -> "DPs shown: " + shownDps(view));
        await(() -> view.shownRows().get(1).status().equals("1 Installed"), () -> view.shownRows().get(1).status());
        org.eclipse.swt.widgets.Table table = view.viewer().getTable(); // as the admin clicks the row
        table.setFocus();
        table.setSelection(java.util.Arrays.asList(table.getItems()).stream().map(i -> i.getText(0)).toList()
                .indexOf(name(2)));
        table.notifyListeners(SWT.Selection, new Event());
        processEvents();
        assertEquals(List.of(name(2)), view.viewer().getStructuredSelection().toList().stream()
                .map(row -> ((DistributionPointsView.DpRow) row).point().name()).toList(), "selected");
        AtomicReference<Throwable> failure = Ui.whenShellOpens("Remove Distribution Points", shell -> {
            screenshot(shell, "remove-dp-confirm.png");
            press(shell, IDialogConstants.OK_LABEL);
        });
        view.actions().stream().filter(a -> "org.fenestra.distribution.ui.action.removeDp".equals(a.getId()))
                .findFirst().orElseThrow().run();
        Ui.assertHandled(failure);
        await(() -> shownDps(view).equals(List.of(name(1))), () -> "DPs shown: " + shownDps(view));
        assertEquals(List.of(name(1)), DistributionServices.points().list().stream().map(p -> p.name())
                .filter(n -> n.startsWith(prefix)).toList());
        assertTrue(DistributionServices.distribution().status(image.id()).stream()
                .noneMatch(s -> s.dpName().equals(name(2))), "its content status is forgotten");
        screenshot(window().getShell(), "distribution-points-after-remove.png");
    }

    // ---- helpers

    private static void addDp(DistributionPointsView view, String dpName, TestDistributionPoint dp, String secret,
            java.util.function.Consumer<Shell> then) {
        AtomicReference<Throwable> failure = Ui.whenShellOpens(AddDistributionPointDialog.TITLE, shell -> {
            AddDistributionPointDialog dialog = (AddDistributionPointDialog) shell.getData();
            List<org.eclipse.swt.widgets.Text> fields = dialog.fields();
            fields.get(0).setText(dpName);
            fields.get(1).setText(dp.url());
            fields.get(2).setText(dp.fingerprint());
            fields.get(3).setText(secret);
            then.accept(shell);
        });
        view.actions().stream().filter(a -> "org.fenestra.distribution.ui.action.addDp".equals(a.getId())).findFirst()
                .orElseThrow().run();
        Ui.assertHandled(failure);
    }

    private static String secret(TestDistributionPoint dp) {
        try {
            return Files.readString(dp.siteSecretFile()).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> shownDps(DistributionPointsView view) {
        return view.shownRows().stream().map(r -> r.point().name()).filter(n -> n.startsWith(prefix)).toList();
    }

    private static List<String> states(ContentLocationsTab tab) {
        return tab.shownStatuses().stream().sorted((a, b) -> a.dpName().compareTo(b.dpName()))
                .map(s -> s.dpName() + " " + s.describe()).toList();
    }

    private static ContentStatusDetailsTab detailsTab(OsImagesDriver images) {
        return (ContentStatusDetailsTab) images.selectDetailsTab("Content Status").getData();
    }

    private static Button button(Shell shell, String label) {
        return Ui.controls(shell, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }

    private static void press(Shell shell, String label) {
        press(button(shell, label));
    }

    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is disabled");
        button.notifyListeners(SWT.Selection, new Event());
        processEvents();
    }

    private static Path stored(Path dpData) {
        return dpData.resolve("library/content/" + sha.substring(0, 2) + "/" + sha);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int read; (read = in.read(buffer)) != -1;) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
