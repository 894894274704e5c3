package org.fenestra.updates.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.api.WimProgressMonitor;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.wim.model.WimProgress;

/**
 * One call of the software updates service in the background: the work runs in a {@link Job}
 * with the job's monitor as its progress (cancelling the job cancels the operation), and its
 * outcome is handed to {@code control}'s UI thread, unless the control is gone by then.
 *
 * @param <T> what the work returns
 */
public final class UpdatesJob<T> extends Job {

    /** A call of the service. */
    @FunctionalInterface
    public interface Work<T> {
        T run(SoftwareUpdates updates, WimProgress progress) throws UpdateException;
    }

    /** What the work returned, or why it did not: exactly one of the two is non-null. */
    public record Outcome<T>(T result, UpdateException failure) {

        public boolean cancelled() {
            return failure != null && failure.reason() == Reason.CANCELLED;
        }
    }

    private final Object family;
    private final Control control;
    private final Work<T> work;
    private final Consumer<Outcome<T>> onDone;

    /**
     * @param family  what {@link #belongsTo} answers true for (the view or tab, so it can cancel its jobs)
     * @param control the control whose UI thread receives the outcome
     */
    public UpdatesJob(String name, Object family, Control control, Work<T> work, Consumer<Outcome<T>> onDone) {
        super(name);
        this.family = family;
        this.control = control;
        this.work = work;
        this.onDone = onDone;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Outcome<T> outcome;
        try {
            outcome = new Outcome<>(work.run(UpdatesService.await(monitor), new WimProgressMonitor(monitor)), null);
        } catch (UpdateException e) {
            outcome = new Outcome<>(null, e);
        } catch (RuntimeException e) {
            // a bug, not bad input: logged with its trace, shown to the admin as one line
            System.getLogger(UpdatesJob.class.getName()).log(System.Logger.Level.ERROR, getName() + " failed", e);
            outcome = new Outcome<>(null, new UpdateException(Reason.DATABASE, null, getName() + " failed: " + e, e));
        } finally {
            monitor.done();
        }
        Outcome<T> done = outcome;
        UiThread.updateLater(control, () -> onDone.accept(done));
        // errors are shown in the view itself; a cancel is what the admin asked for
        return done.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object candidate) {
        return candidate == family;
    }
}
