package org.fenestra.distribution.ui.internal;

import static org.fenestra.ui.testing.Ui.await;
import static org.fenestra.ui.testing.Ui.processEvents;
import static org.fenestra.ui.testing.Ui.screenshot;
import static org.fenestra.ui.testing.Ui.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.api.MulticastSettings;
import org.fenestra.distribution.testing.TestDistributionPoint;
import org.fenestra.distribution.ui.internal.multicast.DistributionSettingsTab;
import org.fenestra.distribution.ui.internal.multicast.DpMulticastForm;
import org.fenestra.distribution.ui.internal.multicast.MulticastSessionsView;
import org.fenestra.distribution.ui.internal.points.DistributionPointPropertiesDialog;
import org.fenestra.distribution.ui.internal.points.DistributionPointsView;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.testing.LibraryDriver;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.OsImagesDriver;
import org.fenestra.ui.testing.PropertiesDriver;
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
 * Multicast in the workbench, in an admin's order: the image's Distribution Settings tab with the
 * "only via multicast" rule against its deployments, a real DP's Multicast tab (checked as the
 * site checks, given to the DP), and the Multicast Sessions view showing the session the DP
 * opened when a client asked (scheduled-cast, so it waits for more clients: its real record,
 * without multicast traffic). Site services as DS runs them, on the real H2 catalog; screenshots
 * under target/screenshots.
 */
@ExtendWith(LoggedErrors.class)
@TestMethodOrder(OrderAnnotation.class)
class MulticastWorkbenchTest {

    @TempDir
    static Path dir;
    private static TestDistributionPoint dp;
    private static String dpName;
    private static OsImageRecord image;

    @BeforeAll
    static void startADpWithAnImage() throws Exception {
        dpName = "M" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-DP";
        dp = TestDistributionPoint.start(dir.resolve("dp"));
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("readme.txt"), "multicast workbench test\n".repeat(4000));
        Path wim = dir.resolve("Contoso-Lab.wim");
        Process capture = new ProcessBuilder("wimlib-imagex", "capture", source.toString(), wim.toString(),
                "Contoso Lab", "--compress=none").redirectErrorStream(true).start();
        String output = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, capture.waitFor(), output);
        image = Ui.catalog().add(new NewOsImage(dpName + " Contoso Lab", "2026-12", "", wim.toString(),
                wim.toString(), 1, "10.0.22631.4460", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("CONTOSO\\admin", Instant.now())));
        DistributionServices.points().add(dpName, java.net.URI.create(dp.url()), dp.fingerprint(),
                Files.readString(dp.siteSecretFile()).strip());
        assertEquals(State.INSTALLED, DistributionServices.distribution()
                .distribute(image.id(), List.of(dpName), status -> { }).get(0).state());
    }

    @AfterAll
    static void stopDp() throws Exception {
        Ui.removeQuietly(image);
        DistributionServices.points().remove(dpName);
        dp.close();
    }

    @Test
    @Order(1)
    void onlyViaMulticastIsRefusedAndExplainedWhileADeploymentRunsContentFromTheDp() throws Exception {
        MulticastSettings multicast = DistributionServices.multicast();
        String streaming = multicast.addDeployment(image.id(), List.of("LAB01", "LAB02"), false).id();
        ImageSummary row = awaitShown(image);

        inDistributionSettings(row, (shell, tab) -> {
            assertFalse(tab.onlyButton().isEnabled(), "only via multicast cannot be ticked");
            assertFalse(tab.encryptButton().isEnabled(), "encryption needs multicast allowed");
            press(tab.allowButton());
            assertTrue(tab.encryptButton().isEnabled());
            assertFalse(tab.onlyButton().isEnabled(), "still not: " + streaming + " runs content from the DP");
            assertTrue(tab.shownRule().contains(streaming + " (LAB01, LAB02) runs content from the DP")
                    && tab.shownRule().contains("download content locally"), tab.shownRule());
            assertEquals(List.of(streaming), tab.shownDeployments().stream().map(d -> d.id()).toList());
            screenshot(shell, "distribution-settings-refused.png");
            press(shell, IDialogConstants.CANCEL_LABEL);
        });
        assertEquals(ImageDistributionSettings.defaults(image.id()), multicast.imageSettings(image.id()),
                "Cancel stored nothing");

        multicast.removeDeployment(streaming);
        String local = multicast.addDeployment(image.id(), List.of("LAB03"), true).id();
        inDistributionSettings(row, (shell, tab) -> {
            press(tab.allowButton());
            press(tab.encryptButton());
            assertTrue(tab.onlyButton().isEnabled(), "every deployment downloads locally: " + tab.shownRule());
            press(tab.onlyButton());
            assertTrue(tab.shownRule().contains("only by multicast"), tab.shownRule());
            assertEquals(List.of(local), tab.shownDeployments().stream().map(d -> d.id()).toList());
            screenshot(shell, "distribution-settings-only-multicast.png");
            press(shell, IDialogConstants.OK_LABEL);
            await(shell::isDisposed, () -> "the dialog did not close: " + tab.shownMessage());
        });
        assertEquals(new ImageDistributionSettings(image.id(), true, true, true), multicast.imageSettings(image.id()));

        // unticking "allow" unticks "only" with it (it needs multicast allowed); OK stores both
        inDistributionSettings(row, (shell, tab) -> {
            assertTrue(tab.onlyButton().getSelection() && tab.allowButton().getSelection(), "shown as stored");
            press(tab.allowButton());
            assertFalse(tab.onlyButton().getSelection());
            assertTrue(tab.shownRule().contains("needs multicast allowed"), tab.shownRule());
            press(tab.allowButton());
            press(shell, IDialogConstants.OK_LABEL);
            await(shell::isDisposed, () -> "the dialog did not close: " + tab.shownMessage());
        });
        assertEquals(new ImageDistributionSettings(image.id(), true, true, false), multicast.imageSettings(image.id()));
    }

    @Test
    @Order(2)
    void theDpsMulticastTabChecksTheSettingsAndGivesThemToTheDp() throws Exception {
        DistributionPointsView view = (DistributionPointsView) window().getActivePage().showView(DistributionPointsView.ID);
        await(() -> view.shownRows().stream().anyMatch(r -> r.point().name().equals(dpName)), () -> "DP not shown");
        DistributionPointsView.DpRow dpRow = view.shownRows().stream().filter(r -> r.point().name().equals(dpName))
                .findFirst().orElseThrow();
        view.viewer().setSelection(new StructuredSelection(dpRow), true);
        processEvents();
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

        AtomicReference<Throwable> failure = Ui.whenShellOpens(DistributionPointPropertiesDialog.title(dpName), shell -> {
            DistributionPointPropertiesDialog dialog = (DistributionPointPropertiesDialog) shell.getData();
            TabFolder folder = dialog.tabFolder();
            folder.setSelection(Arrays.stream(folder.getItems()).filter(i -> i.getText().equals("Multicast"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Multicast tab")));
            await(dialog::ready, () -> "the DP's settings were not read: " + dialog.shownError());
            DpMulticastForm form = dialog.multicastForm();
            assertFalse(form.enabledButton().getSelection(), "multicast is off on a new DP");
            assertEquals("239.255.0.1", form.addressFields(0).getText());

            form.enabledButton().setSelection(true);
            form.enabledButton().notifyListeners(SWT.Selection, new Event());
            form.addressFields(0).setText("224.0.1.1");
            processEvents();
            assertTrue(form.shownProblem().contains("239.0.0.0/8"), form.shownProblem());
            assertFalse(button(shell, IDialogConstants.OK_LABEL).isEnabled(), "cannot be saved");
            screenshot(shell, "dp-multicast-invalid.png");

            form.addressFields(0).setText("239.1.2.1");
            form.addressFields(1).setText("239.1.2.9");
            form.portFields(0).setSelection(40000);
            form.portFields(1).setSelection(40010);
            form.maxClientsField().setSelection(8);
            form.maxRateField().setSelection(50);
            form.startButton(SessionStart.AUTO_CAST).setSelection(false);
            form.startButton(SessionStart.SCHEDULED_CAST).setSelection(true);
            form.startButton(SessionStart.SCHEDULED_CAST).notifyListeners(SWT.Selection, new Event());
            form.scheduledClientsField().setSelection(3);
            form.scheduledTimeField().setText("next tuesday");
            processEvents();
            assertTrue(form.shownProblem().contains("2026-12-24T08:00"), form.shownProblem());
            assertFalse(button(shell, IDialogConstants.OK_LABEL).isEnabled());
            form.scheduledTimeField().setText(DpMulticastForm.shown(at));
            form.slowClientsField().select(1);
            form.slowClientsField().notifyListeners(SWT.Selection, new Event());
            form.slowValueField().setSelection(4);
            processEvents();
            assertEquals("", form.shownProblem());
            screenshot(shell, "dp-multicast-scheduled.png");
            press(shell, IDialogConstants.OK_LABEL);
            await(shell::isDisposed, () -> "the dialog did not close: " + dialog.shownError());
        });
        view.actions().stream().filter(a -> "org.fenestra.distribution.ui.action.dpProperties".equals(a.getId()))
                .findFirst().orElseThrow().run();
        Ui.assertHandled(failure);

        DpMulticastSettings expected = new DpMulticastSettings(true, "239.1.2.1", "239.1.2.9", 40000, 40010, 8, 50,
                SessionStart.SCHEDULED_CAST, 3, Optional.of(at), new SlowClientPolicy(SlowClientPolicy.Kind.DISCONNECT, 4));
        assertEquals(expected, DistributionServices.multicast().dpSettings(dpName), "stored");
        // the DP itself keeps what the site gave it
        String kept = Files.readString(dir.resolve("dp").resolve("multicast").resolve("dp.properties"));
        assertTrue(kept.contains("239.1.2.1") && kept.contains("SCHEDULED_CAST"), kept);
    }

    @Test
    @Order(3)
    void theMulticastSessionsViewShowsTheDpsSessionWithItsReceiverAndKeepsReading() throws Exception {
        assertEquals("200", dp.askForMulticastTicket(image.id()), "a client is admitted to a scheduled-cast session");
        LibraryDriver.show().open("Multicast Sessions");
        MulticastSessionsView view = (MulticastSessionsView) window().getActivePage().findView(MulticastSessionsView.ID);
        assertNotNull(view, "selecting the node shows the Multicast Sessions view");

        await(() -> view.shownRows().stream().anyMatch(r -> r.session().dpName().equals(dpName)),
                () -> "no session of " + dpName + ": " + view.shownRows() + " " + view.shownProblem());
        MulticastSessionsView.SessionRow row = view.shownRows().stream()
                .filter(r -> r.session().dpName().equals(dpName)).findFirst().orElseThrow();
        assertEquals(image.id(), row.session().imageId());
        assertEquals("WAITING", row.session().state(), "scheduled-cast at 3 clients: one asked");
        assertTrue(row.session().group().startsWith("239.1.2.1:40000"), row.session().group());
        assertTrue(row.session().encrypted(), "the image is set to encrypt");
        assertNotNull(row.receiver(), "the admitted client is the session's receiver");
        assertEquals("0%", row.progress());
        assertTrue(row.sessionText().endsWith("(encrypted)"), row.sessionText());
        await(() -> view.viewer().getTable().getItemCount() == view.shownRows().size(), () -> "table not filled");
        screenshot(window().getShell(), "multicast-sessions-view.png");

        // a second client joins the same session: the view reads again by itself and shows it
        int reads = view.reads();
        assertEquals("200", dp.askForMulticastTicket(image.id()));
        await(() -> view.reads() > reads && view.shownRows().stream()
                .filter(r -> r.session().dpName().equals(dpName) && r.receiver() != null).count() == 2,
                () -> "not refreshed: " + view.shownRows());
        assertEquals(1, view.shownRows().stream().filter(r -> r.session().dpName().equals(dpName))
                .map(r -> r.session().id()).distinct().count(), "one session, two receivers");
        screenshot(window().getShell(), "multicast-sessions-two-receivers.png");
    }

    // ---- helpers

    private interface TabCheck {
        void check(Shell shell, DistributionSettingsTab tab) throws Exception;
    }

    private static void inDistributionSettings(ImageSummary row, TabCheck check) {
        AtomicReference<Throwable> failure = Ui.whenShellOpens(row.name() + " Properties", shell -> {
            PropertiesDriver properties = PropertiesDriver.of(shell);
            DistributionSettingsTab tab = properties.tab(DistributionSettingsTab.class);
            properties.selectTab("Distribution Settings");
            await(tab::loaded, () -> "not loaded: " + tab.shownMessage());
            try {
                check.check(shell, tab);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        PropertiesDriver.openModal(row);
        Ui.assertHandled(failure);
    }

    private static ImageSummary awaitShown(OsImageRecord record) throws Exception {
        return OsImagesDriver.show().awaitRow(record.id());
    }

    private static Button button(Shell shell, String label) {
        return Ui.controls(shell, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }

    private static void press(Shell shell, String label) {
        press(button(shell, label));
    }

    /** As a click: a check box flips, then its listeners run. */
    private static void press(Button button) {
        assertTrue(button.isEnabled(), button.getText() + " is disabled");
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, new Event());
        processEvents();
    }
}
