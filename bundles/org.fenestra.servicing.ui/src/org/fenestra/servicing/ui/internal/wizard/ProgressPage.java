package org.fenestra.servicing.ui.internal.wizard;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.fenestra.servicing.ui.internal.Messages;

/**
 * Progress: a run now, which goes on in a background {@link ServicingJob}, followed here (task,
 * step, percentage) with a Cancel Run button. The wizard may be closed meanwhile; the job goes on.
 * Completion follows when the run has ended.
 */
final class ProgressPage extends WizardPage {

    private ProgressBar bar;
    private Label task;
    private Label step;
    private Button cancelRun;
    private ServicingJob job;

    ProgressPage() {
        super("progress");
        setTitle(Messages.Progress_title);
        setDescription(Messages.Progress_description);
        setPageComplete(false); // Completion is shown by the job's end, not by Next
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        task = label(page, Messages.Progress_starting);
        bar = new ProgressBar(page, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(100);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        step = label(page, "");
        cancelRun = new Button(page, SWT.PUSH);
        cancelRun.setText(Messages.Progress_cancelRun);
        cancelRun.setEnabled(false);
        cancelRun.addListener(SWT.Selection, e -> cancel());
        setControl(page);
    }

    private static Label label(Composite page, String text) {
        Label label = new Label(page, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return label;
    }

    /** Follows the started job; on the UI thread. */
    void follow(ServicingJob started) {
        job = started;
        cancelRun.setEnabled(true);
    }

    /** What the job reports, on the UI thread. */
    void show(String taskName, String stepName, int percent) {
        if (bar.isDisposed()) {
            return;
        }
        if (taskName != null) {
            task.setText(taskName);
        }
        if (stepName != null) {
            step.setText(stepName);
        }
        bar.setSelection(Math.max(0, Math.min(100, percent)));
        task.getParent().layout(true);
    }

    private void cancel() {
        if (job != null) {
            job.cancel();
            cancelRun.setEnabled(false);
            step.setText(Messages.Progress_cancelling);
            task.getParent().layout(true);
        }
    }

    /** The run ended: nothing left to cancel. */
    void ended() {
        if (!cancelRun.isDisposed()) {
            cancelRun.setEnabled(false);
        }
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null; // the run has started: no going back to change it
    }

    /** The Cancel Run button, for tests. */
    Button cancelRunButton() {
        return cancelRun;
    }

    ProgressBar bar() {
        return bar;
    }
}
