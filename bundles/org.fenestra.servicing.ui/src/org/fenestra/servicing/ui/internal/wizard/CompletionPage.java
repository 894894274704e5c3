package org.fenestra.servicing.ui.internal.wizard;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.UpdateResult;
import org.fenestra.servicing.ui.internal.ImageServicingState;
import org.fenestra.servicing.ui.internal.Messages;

/** Completion: how the run ended (each update's outcome, the log file), or the schedule saved. */
final class CompletionPage extends WizardPage {

    private Text result;
    private boolean done;

    CompletionPage() {
        super("completion");
        setTitle(Messages.Completion_title);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        result = new Text(page, SWT.READ_ONLY | SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        result.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        setControl(page);
    }

    void showRun(ServicingRun run) {
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(Messages.Completion_run, status(run.status()), run.message()));
        for (UpdateResult update : run.updates()) {
            lines.add("    " + update.updateId() + ": " + update.outcome() + (update.servicer().isEmpty() ? "" : " (" + update.servicer() + ")")
                    + (update.detail().isEmpty() ? "" : " - " + update.detail()));
        }
        lines.add(NLS.bind(Messages.Completion_size, run.sizeBefore(), run.sizeAfter()));
        lines.add(NLS.bind(Messages.Completion_log, run.logFile()));
        show(run.status() == RunStatus.SUCCESSFUL ? Messages.Completion_successful : Messages.Completion_notSuccessful, lines);
    }

    /** The run now could not start (another run of the image in process, an update not downloaded, ...). */
    void showNotStarted(String reason) {
        show(Messages.Completion_notSuccessful, java.util.List.of(NLS.bind(Messages.Progress_notStarted, reason)));
    }

    void showSchedule(ServicingSchedule schedule, boolean distributionAvailable) {
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(Messages.Completion_scheduled, schedule.recurrence(), ImageServicingState.format(schedule.nextRun())));
        if (schedule.updateDistributionPoints() && !distributionAvailable) {
            lines.add(Messages.Completion_dpsNotAvailable);
        }
        show(Messages.Completion_scheduledTitle, lines);
    }

    private void show(String message, List<String> lines) {
        done = true;
        setPageComplete(true);
        setMessage(message);
        result.setText(String.join("\n", lines));
        getContainer().updateButtons();
    }

    private static String status(RunStatus status) {
        return new ImageServicingState(status, null, 0).statusText();
    }

    @Override
    public org.eclipse.jface.wizard.IWizardPage getPreviousPage() {
        return done ? null : super.getPreviousPage(); // what was done stays done: no going back to do it again
    }

    boolean done() {
        return done;
    }

    Text result() {
        return result;
    }
}
