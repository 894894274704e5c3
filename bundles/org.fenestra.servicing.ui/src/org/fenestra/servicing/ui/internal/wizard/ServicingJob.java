package org.fenestra.servicing.ui.internal.wizard;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.osgi.util.NLS;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.ui.internal.Messages;

/**
 * A run now of the Schedule Updates wizard, as a workbench job: the pipeline runs in the job's thread
 * (never the UI thread), its progress goes to the job's monitor (the Progress view) and to a listener
 * (the wizard's Progress page while it is open), and the job's Cancel stops the run, which then
 * commits nothing. The run's outcome, or why it could not start, goes to {@code ended}.
 */
final class ServicingJob extends Job {

    /** What the run reports as it goes: task, step (either may be null: unchanged), percentage. */
    interface Listener {
        void progress(String task, String step, int percent);
    }

    /** How the job ended: the run, or the reason it did not start. */
    record Outcome(ServicingRun run, String notStarted) {
    }

    private final OfflineServicing servicing;
    private final ServicingRequest request;
    private final String imageName;
    private final Listener listener;
    private final Consumer<Outcome> ended;

    ServicingJob(OfflineServicing servicing, ServicingRequest request, String imageName, Listener listener,
            Consumer<Outcome> ended) {
        super(NLS.bind(Messages.Progress_servicing, imageName));
        this.servicing = servicing;
        this.request = request;
        this.imageName = imageName;
        this.listener = listener;
        this.ended = ended;
        setUser(false); // the wizard's Progress page shows it; the Progress view too
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Outcome outcome;
        try {
            ServicingRun run = servicing.serviceNow(request, new ServicingProgress(new Reporting(monitor),
                    NLS.bind(Messages.Progress_servicing, imageName), this::percent));
            outcome = new Outcome(run, null);
        } catch (ServicingException e) {
            outcome = new Outcome(null, e.getMessage());
        } finally {
            monitor.done();
        }
        ended.accept(outcome);
        // a run that ended (whatever its result) or was refused is reported by the wizard and the views, not as a job error
        return Status.OK_STATUS;
    }

    /** The percentage the pipeline recorded on the image's run in process. */
    private int percent() {
        try {
            var history = servicing.history(request.imageId());
            return history.isEmpty() || history.get(0).status() != RunStatus.IN_PROCESS ? 0 : history.get(0).percentDone();
        } catch (ServicingException e) {
            return 0; // the bar waits; the run itself reports a failing database
        }
    }

    /** Passes what the run reports to the listener as well as to the job's monitor. */
    private final class Reporting extends ProgressMonitorWrapper {
        private int done;

        Reporting(IProgressMonitor monitor) {
            super(monitor);
        }

        @Override
        public void beginTask(String name, int totalWork) {
            super.beginTask(name, totalWork);
            listener.progress(name, null, done);
        }

        @Override
        public void setTaskName(String name) {
            super.setTaskName(name);
            listener.progress(name, null, done);
        }

        @Override
        public void subTask(String name) {
            super.subTask(name);
            listener.progress(null, name, done);
        }

        @Override
        public void worked(int work) {
            super.worked(work);
            done += work;
            listener.progress(null, null, done);
        }
    }
}
