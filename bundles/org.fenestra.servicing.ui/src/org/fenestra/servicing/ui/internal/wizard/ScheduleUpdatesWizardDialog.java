package org.fenestra.servicing.ui.internal.wizard;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.servicing.ui.internal.ServicingServices;
import org.fenestra.servicing.ui.internal.wizard.ScheduleSettings.When;

/**
 * Does the wizard's work when the admin leaves Summary for Completion, off the UI thread with the
 * dialog's progress bar and Cancel: runs the updates now through the servicing pipeline, or saves
 * the schedule through the scheduler. A refusal (busy, an update not downloaded, the service not
 * running) keeps the wizard on Summary with the reason; a run that starts ends on Completion
 * whatever its result (Successful, Failed, Cancelled).
 */
public final class ScheduleUpdatesWizardDialog extends WizardDialog {

    private final ScheduleUpdatesWizard wizard;

    public ScheduleUpdatesWizardDialog(Shell parent, ScheduleUpdatesWizard wizard) {
        super(parent, wizard);
        this.wizard = wizard;
        addPageChangingListener(this::workBeforeCompletion);
    }

    ScheduleUpdatesWizard wizard() {
        return wizard;
    }

    private void workBeforeCompletion(PageChangingEvent event) {
        if (event.getTargetPage() != wizard.completionPage() || wizard.completionPage().done()) {
            return;
        }
        SummaryPage summary = (SummaryPage) event.getCurrentPage();
        summary.setErrorMessage(null);
        ScheduleSettings settings = wizard.settings();
        ServicingServices services = ServicingServices.of();
        boolean distributionAvailable = services.distributionAvailable();
        AtomicReference<ServicingRun> ran = new AtomicReference<>();
        AtomicReference<ServicingSchedule> saved = new AtomicReference<>();
        try {
            run(true, true, monitor -> {
                try {
                    if (settings.when == When.NOW) {
                        OfflineServicing servicing = services.servicing();
                        String imageId = settings.image.id();
                        ran.set(servicing.serviceNow(settings.request(), new ServicingProgress(monitor,
                                NLS.bind(Messages.Progress_servicing, settings.image.name()), () -> percent(servicing, imageId))));
                    } else {
                        monitor.beginTask(Messages.Progress_saving, 1);
                        saved.set(services.schedules().schedule(settings.image.id(), settings.selectedIds(), false,
                                settings.recurrence(), settings.continueOnError, settings.optimize && settings.optimizeAllowed(),
                                settings.updateDistributionPoints));
                    }
                } catch (ServicingException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            summary.setErrorMessage(e.getCause().getMessage());
            event.doit = false;
            return;
        } catch (InterruptedException e) {
            summary.setErrorMessage(Messages.Progress_cancelled);
            event.doit = false;
            return;
        }
        if (ran.get() != null) {
            wizard.completionPage().showRun(ran.get());
        } else {
            wizard.completionPage().showSchedule(saved.get(), distributionAvailable);
        }
    }

    /** The percentage the pipeline recorded on the image's run in process. */
    private static int percent(OfflineServicing servicing, String imageId) {
        try {
            List<ServicingRun> history = servicing.history(imageId);
            return history.isEmpty() || history.get(0).status() != RunStatus.IN_PROCESS ? 0 : history.get(0).percentDone();
        } catch (ServicingException e) {
            return 0; // the bar waits; the run itself reports a failing database
        }
    }
}
