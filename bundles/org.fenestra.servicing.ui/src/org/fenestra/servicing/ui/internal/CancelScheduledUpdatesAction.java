package org.fenestra.servicing.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;

/**
 * Cancel Scheduled Updates: asks the image's run in process to stop, on whichever site server runs
 * it; the run commits nothing and ends Cancelled. Enabled only while the run is In Process.
 */
public final class CancelScheduledUpdatesAction implements ImageAction {

    @Override
    public boolean enabledFor(List<ImageSummary> selection) {
        return selection.size() == 1 && ServicingStates.lastRead(selection.get(0).id()).inProcess();
    }

    @Override
    public void run(Shell shell, List<ImageSummary> selection) {
        if (!enabledFor(selection)) {
            return;
        }
        ImageSummary image = selection.get(0);
        Job job = Job.create(NLS.bind(Messages.Cancel_job, image.name()), monitor -> {
            try {
                // Only the run: a recurring schedule still runs next month, as after a failed run.
                if (!ServicingServices.of().servicing().cancel(image.id())) {
                    showError(shell, NLS.bind(Messages.Cancel_nothingInProcess, image.name()));
                }
            } catch (ServicingException e) {
                showError(shell, e.getMessage());
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    private static void showError(Shell shell, String message) {
        UiThread.updateLater(shell, () -> MessageDialog.openError(shell, Messages.Cancel_title, message));
    }
}
