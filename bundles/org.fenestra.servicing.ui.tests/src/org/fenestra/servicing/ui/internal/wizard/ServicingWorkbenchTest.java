package org.fenestra.servicing.ui.internal.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.servicing.ui.internal.ImageServicingState;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.testing.OsImagesDriver;
import org.fenestra.ui.testing.PropertiesDriver;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servicing workbench parts against the real services (H2 catalog, SoftwareUpdates, the
 * pipeline with the portable servicer) on a WIM captured by wimlib-imagex: the Schedule Updates
 * wizard driven page by page with "run now", the columns, the Servicing tab with its history and
 * log, and Cancel Scheduled Updates enabled only while a run is in process. Screenshots go to
 * target/screenshots/.
 */
@ExtendWith(LoggedErrors.class)
class ServicingWorkbenchTest {

    private static final String SCHEDULE_UPDATES = "org.fenestra.servicing.ui.action.scheduleUpdates";
    private static final String CANCEL = "org.fenestra.servicing.ui.action.cancelScheduledUpdates";

    @TempDir
    Path work;

    @Test
    void scheduleUpdatesRunNowAppliesTheUpdateAndTheColumnsAndTabShowIt() throws Exception {
        OsImageRecord image = ServicingSite.image(work, "Serviced Now " + System.nanoTime());
        var pkg = ServicingSite.agentPackage("NOW", 64 * 1024);
        String updateId = ServicingSite.published(work, pkg);
        OsImagesDriver view = OsImagesDriver.show();
        ImageSummary summary = view.select(image.id());
        IAction scheduleUpdates = view.action(SCHEDULE_UPDATES);
        assertTrue(scheduleUpdates.isEnabled(), "Schedule Updates applies to one image");
        assertFalse(view.action(CANCEL).isEnabled(), "nothing is in process");

        ScheduleUpdatesWizardDialog dialog = openWizard(summary);
        Shell shell = dialog.getShell();
        try {
            ChooseUpdatesPage choose = (ChooseUpdatesPage) dialog.getCurrentPage();
            Ui.await(() -> choose.table().getTable().getItemCount() > 0,
                    () -> "no applicable update listed: " + choose.getErrorMessage() + " / " + choose.getMessage());
            assertTrue(listed(choose).contains(updateId), listed(choose).toString());
            assertFalse(choose.isPageComplete(), "nothing chosen yet");

            Text filter = Ui.controls(choose.getControl(), Text.class).get(0);
            filter.setText("no update is called this");
            Ui.processEvents();
            assertEquals(0, choose.table().getTable().getItemCount(), "the filter hides what does not match");
            filter.setText(pkg.article());
            Ui.processEvents();
            assertEquals(List.of(updateId), listed(choose));
            Combo architecture = Ui.controls(choose.getControl(), Combo.class).get(0);
            assertEquals(List.of("All", "X86", "X64"), List.of(architecture.getItems()));
            assertEquals("neutral", choose.table().getTable().getItem(0).getText(3));
            select(architecture, 1); // a neutral package applies to every architecture
            assertEquals(List.of(updateId), listed(choose));
            select(architecture, 2);
            assertEquals(List.of(updateId), listed(choose));
            click(button(shell, "Select All"));
            assertTrue(choose.isPageComplete());
            assertTrue(choose.table().getChecked(choose.table().getElementAt(0)));
            Ui.screenshot(shell, "schedule-updates-1-choose.png");

            click(button(shell, IDialogConstants.NEXT_LABEL));
            SetSchedulePage schedule = (SetSchedulePage) dialog.getCurrentPage();
            assertTrue(schedule.now().getSelection(), "run now is the default");
            assertTrue(schedule.optimize().isEnabled(), "a one-image WIM may be optimized");
            assertEquals("", schedule.optimizeNote().getText());
            assertFalse(schedule.distributionNote().getText().isEmpty(), "says what updating DPs does here");
            Ui.screenshot(shell, "schedule-updates-2-schedule.png");

            click(button(shell, IDialogConstants.NEXT_LABEL));
            SummaryPage summaryPage = (SummaryPage) dialog.getCurrentPage();
            assertTrue(summaryPage.summary().getText().contains(updateId), summaryPage.summary().getText());
            Ui.screenshot(shell, "schedule-updates-3-summary.png");

            click(button(shell, IDialogConstants.NEXT_LABEL)); // starts the run as a job; Progress follows it
            assertFalse("summary".equals(dialog.getCurrentPage().getName()), summaryPage.getErrorMessage());
            if (dialog.getCurrentPage() instanceof ProgressPage progress) {
                assertFalse(button(shell, IDialogConstants.BACK_LABEL).isEnabled(), "no going back once the run started");
                assertFalse(button(shell, IDialogConstants.FINISH_LABEL).isEnabled(), "Finish waits for the run");
                Ui.screenshot(shell, "schedule-updates-4-progress.png");
            }
            Ui.await(() -> "completion".equals(dialog.getCurrentPage().getName()),
                    () -> "stayed on " + dialog.getCurrentPage().getName());
            CompletionPage completion = (CompletionPage) dialog.getCurrentPage();
            assertTrue(completion.result().getText().startsWith("Result: Successful"), completion.result().getText());
            assertTrue(completion.result().getText().contains(updateId + ": APPLIED"), completion.result().getText());
            Ui.screenshot(shell, "schedule-updates-5-completion.png");
            click(button(shell, IDialogConstants.FINISH_LABEL));
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
        }

        WimTool.verify(Path.of(image.storedPath()));
        assertTrue(WimTool.dir(Path.of(image.storedPath()), 1).stream().anyMatch(p -> p.endsWith("Contoso/agent.exe")),
                "the serviced WIM holds the package's file");

        view.awaitCell(image.id(), "Scheduled Updates Status", "Successful");
        assertFalse(view.cell(image.id(), "Scheduled Updates Date").isEmpty());
        view.showColumn("Scheduled Updates Status");
        Ui.screenshot(Ui.window().getShell(), "schedule-updates-5-columns.png");

        view.select(image.id());
        PropertiesDriver properties = view.openProperties(image.id());
        try {
            Control tab = properties.selectTab("Servicing");
            Table runs = Ui.controls(tab, Table.class).get(0);
            Ui.await(() -> runs.getItemCount() == 1, () -> "history rows: " + runs.getItemCount());
            assertEquals("Successful", runs.getItem(0).getText(1));
            assertTrue(runs.getItem(0).getText(2).contains(updateId + " applied"), runs.getItem(0).getText(2));
            List<Text> texts = Ui.controls(tab, Text.class);
            assertTrue(texts.get(0).getText().contains("No updates are scheduled"), texts.get(0).getText());
            Text log = texts.get(texts.size() - 1);
            Ui.await(() -> log.getText().contains(updateId), () -> "log shown: " + log.getText());
            assertTrue(texts.stream().allMatch(t -> (t.getStyle() & SWT.READ_ONLY) != 0), "the tab is read-only");
            properties.screenshot("schedule-updates-6-servicing-tab.png");
        } finally {
            properties.close();
        }
    }

    /** Cancel Run on the Progress page stops the run's job: Completion says Cancelled and the image is as it was. */
    @Test
    void cancelRunOnTheProgressPageStopsTheJobAndCommitsNothing() throws Exception {
        OsImageRecord image = ServicingSite.image(work, "Cancelled Now " + System.nanoTime());
        var pkg = ServicingSite.agentPackage("BIG", 48 << 20); // seconds to compress
        String updateId = ServicingSite.published(work, pkg);
        byte[] before = java.security.MessageDigest.getInstance("SHA-256").digest(
                java.nio.file.Files.readAllBytes(Path.of(image.storedPath())));
        OfflineServicing servicing = ServicingSite.service(OfflineServicing.class);
        ImageSummary summary = OsImagesDriver.show().select(image.id());
        ScheduleUpdatesWizardDialog dialog = openWizard(summary);
        Shell shell = dialog.getShell();
        try {
            ChooseUpdatesPage choose = (ChooseUpdatesPage) dialog.getCurrentPage();
            Ui.await(() -> listed(choose).contains(updateId), () -> "not listed: " + listed(choose));
            Ui.controls(choose.getControl(), Text.class).get(0).setText(pkg.article()); // only this test's update
            Ui.processEvents();
            assertEquals(List.of(updateId), listed(choose));
            click(button(shell, "Select All"));
            click(button(shell, IDialogConstants.NEXT_LABEL)); // Set Schedule: now
            click(button(shell, IDialogConstants.NEXT_LABEL)); // Summary
            click(button(shell, IDialogConstants.NEXT_LABEL)); // the job starts
            ProgressPage progress = (ProgressPage) dialog.getCurrentPage();
            Ui.await(() -> inProcess(servicing, image.id()), () -> "no run in process");
            assertTrue(progress.cancelRunButton().isEnabled());
            Ui.settle(600); // a step name and the bar on the page
            Ui.screenshot(shell, "schedule-updates-progress-running.png");
            click(progress.cancelRunButton());
            Ui.await(() -> "completion".equals(dialog.getCurrentPage().getName()),
                    () -> "stayed on " + dialog.getCurrentPage().getName());
            CompletionPage completion = (CompletionPage) dialog.getCurrentPage();
            assertTrue(completion.result().getText().startsWith("Result: Cancelled"), completion.result().getText());
            Ui.screenshot(shell, "schedule-updates-cancelled-completion.png");
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
        }
        assertEquals(RunStatus.CANCELLED, servicing.history(image.id()).get(0).status());
        assertTrue(java.util.Arrays.equals(before, java.security.MessageDigest.getInstance("SHA-256").digest(
                java.nio.file.Files.readAllBytes(Path.of(image.storedPath())))), "nothing was committed");
    }

    @Test
    void cancelIsEnabledOnlyWhileInProcessAndStopsTheRun() throws Exception {
        OsImageRecord image = ServicingSite.image(work, "Cancelled " + System.nanoTime());
        String updateId = ServicingSite.published(work, ServicingSite.agentPackage("CANCEL", 32 * 1024));
        Path wim = Path.of(image.storedPath());
        String before = ServicingSite.sha256(wim);
        OsImagesDriver view = OsImagesDriver.show();
        view.select(image.id());
        IAction cancel = view.action(CANCEL);
        assertFalse(cancel.isEnabled(), "never serviced: nothing to cancel");

        // The run waits in its first cancel check until the test lets it go on: In Process meanwhile.
        CountDownLatch hold = new CountDownLatch(1);
        WimProgress holding = new WimProgress() {
            @Override
            public boolean isCanceled() {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
        OfflineServicing servicing = ServicingSite.service(OfflineServicing.class);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                outcome.set(servicing.serviceNow(new ServicingRequest(image.id(), List.of(updateId), false, false), holding));
            } catch (Exception e) {
                outcome.set(e);
            }
        }, "servicing run under test");
        run.start();
        try {
            view.awaitCell(image.id(), "Scheduled Updates Status", "In Process (");
            view.select(image.id());
            assertTrue(cancel.isEnabled(), "a run is in process");
            view.showColumn("Scheduled Updates Status");
            Ui.screenshot(Ui.window().getShell(), "cancel-1-in-process.png");

            cancel.run();
            Ui.await(() -> Arrays.stream(Job.getJobManager().find(null)).noneMatch(j -> j.getName().startsWith("Cancelling")),
                    () -> "the cancel job did not end");
        } finally {
            hold.countDown();
            run.join(30_000);
        }
        assertTrue(outcome.get() instanceof ServicingRun, () -> "the run ended with " + outcome.get());
        assertEquals(RunStatus.CANCELLED, ((ServicingRun) outcome.get()).status());
        view.awaitCell(image.id(), "Scheduled Updates Status", "Cancelled");
        assertFalse(cancel.isEnabled(), "nothing is in process any more");
        assertEquals(before, ServicingSite.sha256(wim), "a cancelled run commits nothing");
        view.showColumn("Scheduled Updates Status");
        Ui.screenshot(Ui.window().getShell(), "cancel-2-cancelled.png");
    }

    @Test
    void aLaterScheduleIsSavedAndShownAndOptimizeIsRefusedForATwoImageWim() throws Exception {
        OsImageRecord image = ServicingSite.twoImageWim(work, "Two Images " + System.nanoTime());
        String updateId = ServicingSite.published(work, ServicingSite.agentPackage("LATER", 16 * 1024));
        OsImagesDriver view = OsImagesDriver.show();
        ImageSummary summary = view.select(image.id());
        ScheduleUpdatesWizardDialog dialog = openWizard(summary);
        Shell shell = dialog.getShell();
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        try {
            ChooseUpdatesPage choose = (ChooseUpdatesPage) dialog.getCurrentPage();
            Ui.await(() -> listed(choose).contains(updateId), () -> "not listed: " + listed(choose));
            Ui.controls(choose.getControl(), Text.class).get(0).setText(updateId);
            Ui.processEvents();
            click(button(shell, "Select All"));
            assertEquals(List.of(updateId), List.copyOf(dialog.wizard().settings().selected));

            click(button(shell, IDialogConstants.NEXT_LABEL));
            SetSchedulePage schedule = (SetSchedulePage) dialog.getCurrentPage();
            assertFalse(schedule.optimize().isEnabled(), "optimize would drop the WIM's other image");
            assertTrue(schedule.optimizeNote().getText().contains("holds 2 images"), schedule.optimizeNote().getText());
            schedule.now().setSelection(false);
            schedule.once().setSelection(true);
            click(schedule.once());
            schedule.onceDate().setDate(tomorrow.getYear(), tomorrow.getMonthValue() - 1, tomorrow.getDayOfMonth());
            schedule.onceDate().notifyListeners(SWT.Selection, null);
            Ui.processEvents();
            assertTrue(schedule.isPageComplete(), () -> "" + schedule.getErrorMessage());
            Ui.screenshot(shell, "schedule-later-1-schedule.png");

            click(button(shell, IDialogConstants.NEXT_LABEL));
            click(button(shell, IDialogConstants.NEXT_LABEL)); // saves the schedule
            CompletionPage completion = (CompletionPage) dialog.getCurrentPage();
            assertEquals("completion", completion.getName());
            assertTrue(completion.result().getText().startsWith("Scheduled: once"), completion.result().getText());
            Ui.screenshot(shell, "schedule-later-2-completion.png");
            click(button(shell, IDialogConstants.FINISH_LABEL));
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
        }
        ServicingSchedules schedules = ServicingSite.service(ServicingSchedules.class);
        try {
            ServicingSchedule saved = schedules.schedule(image.id()).orElseThrow(() -> new AssertionError("no schedule saved"));
            assertEquals(List.of(updateId), saved.updateIds());
            assertEquals(RunStatus.SCHEDULED, saved.status());
            assertFalse(saved.recurrence().monthly());
            assertFalse(saved.optimize());
            assertEquals(tomorrow, LocalDate.ofInstant(saved.nextRun(), ZoneId.systemDefault()));
            view.awaitCell(image.id(), "Scheduled Updates Status", "Scheduled");
            assertEquals(ImageServicingState.format(saved.nextRun()), view.cell(image.id(), "Scheduled Updates Date"));
            assertFalse(view.action(CANCEL).isEnabled(), "scheduled is not in process");
            view.showColumn("Scheduled Updates Status");
            Ui.screenshot(Ui.window().getShell(), "schedule-later-3-columns.png");
        } finally {
            schedules.cancel(image.id()); // the site server must not run it tomorrow
        }
    }

    private static List<String> listed(ChooseUpdatesPage page) {
        Table table = page.table().getTable();
        return Arrays.stream(table.getItems()).map(item -> ((org.fenestra.updates.api.UpdatePackage) item.getData()).id())
                .toList();
    }

    private static void select(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, null);
        Ui.processEvents();
    }

    /** The Schedule Updates wizard of the image, open and not blocking the test. */
    private static ScheduleUpdatesWizardDialog openWizard(ImageSummary image) {
        ScheduleUpdatesWizardDialog dialog = new ScheduleUpdatesWizardDialog(Ui.window().getShell(),
                new ScheduleUpdatesWizard(image));
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private static boolean inProcess(OfflineServicing servicing, String imageId) {
        try {
            List<ServicingRun> history = servicing.history(imageId);
            return !history.isEmpty() && history.get(0).status() == RunStatus.IN_PROCESS;
        } catch (org.fenestra.servicing.api.ServicingException e) {
            throw new AssertionError(e);
        }
    }

    private static void click(Button button) {
        button.notifyListeners(SWT.Selection, null);
        Ui.processEvents();
    }

    private static Button button(Shell shell, String label) {
        return Ui.controls(shell, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }
}
