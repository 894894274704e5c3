package org.fenestra.servicing.ui.internal.wizard;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.servicing.ui.internal.ServicingServices;
import org.fenestra.ui.api.UiThread;

/**
 * Does the wizard's work when the admin leaves Summary. A run now starts a {@link ServicingJob} and
 * goes to Progress, which follows it (the wizard may be closed: the job goes on) and turns to
 * Completion when the run ends, whatever its result (Successful, Failed, Cancelled) or why it could
 * not start. A later schedule is saved through the scheduler (off the UI thread, with the dialog's
 * progress bar) and Completion shows it; a refusal (the service not running, optimize on a WIM with
 * several images) keeps the wizard on Summary with the reason.
 */
public final class ScheduleUpdatesWizardDialog extends WizardDialog {

    private final ScheduleUpdatesWizard wizard;

    public ScheduleUpdatesWizardDialog(Shell parent, ScheduleUpdatesWizard wizard) {
        super(parent, wizard);
        this.wizard = wizard;
        addPageChangingListener(this::workAfterSummary);
    }

    ScheduleUpdatesWizard wizard() {
        return wizard;
    }

    private void workAfterSummary(PageChangingEvent event) {
        if (!(event.getCurrentPage() instanceof SummaryPage summary)) {
            return;
        }
        summary.setErrorMessage(null);
        if (event.getTargetPage() == wizard.progressPage()) {
            event.doit = startRun(summary);
        } else if (event.getTargetPage() == wizard.completionPage()) {
            event.doit = saveSchedule(summary);
        }
    }

    /** Starts the run now as a job that the Progress page follows; false (reason on Summary) when it cannot start. */
    private boolean startRun(SummaryPage summary) {
        ScheduleSettings settings = wizard.settings();
        ProgressPage progress = wizard.progressPage();
        ServicingJob job;
        try {
            job = new ServicingJob(ServicingServices.of().servicing(), settings.request(), settings.image.name(),
                    (task, step, percent) -> onPage(() -> progress.show(task, step, percent)),
                    outcome -> onPage(() -> showOutcome(outcome)));
        } catch (ServicingException e) {
            summary.setErrorMessage(e.getMessage());
            return false;
        }
        progress.follow(job);
        job.schedule();
        return true;
    }

    /** Runs {@code update} on the UI thread while the wizard is open; the job goes on without it once closed. */
    private void onPage(Runnable update) {
        Control control = wizard.progressPage().getControl();
        if (control != null) {
            UiThread.updateLater(control, update);
        }
    }

    private void showOutcome(ServicingJob.Outcome outcome) {
        wizard.progressPage().ended();
        if (outcome.run() != null) {
            wizard.completionPage().showRun(outcome.run());
        } else {
            wizard.completionPage().showNotStarted(outcome.notStarted());
        }
        showPage(wizard.completionPage());
    }

    private boolean saveSchedule(SummaryPage summary) {
        ScheduleSettings settings = wizard.settings();
        ServicingServices services = ServicingServices.of();
        boolean distributionAvailable = services.distributionAvailable();
        AtomicReference<ServicingSchedule> saved = new AtomicReference<>();
        try {
            run(true, false, monitor -> {
                monitor.beginTask(Messages.Progress_saving, 1);
                try {
                    saved.set(services.schedules().schedule(settings.image.id(), settings.selectedIds(), false,
                            settings.recurrence(), settings.continueOnError, settings.optimize && settings.optimizeAllowed(),
                            settings.updateDistributionPoints));
                } catch (ServicingException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            summary.setErrorMessage(e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        wizard.completionPage().showSchedule(saved.get(), distributionAvailable);
        return true;
    }
}
