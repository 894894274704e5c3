package org.fenestra.distribution.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.fenestra.ui.api.UiThread;

/**
 * Service calls as Jobs (never on the UI thread), their outcome handed to the UI thread of the
 * control that asked, if it still exists then. A checked exception is the admin's business (a DP
 * refused, a service is not running): its message goes to {@code failed}; anything else is a bug
 * and goes to the platform log as the Job's error.
 */
public final class Background {

    private Background() {
    }

    /** Work done in a Job; reports progress to, and stops when cancelled through, {@code monitor}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(IProgressMonitor monitor) throws Exception;
    }

    public static <T> Job run(String name, Control owner, Work<T> work, Consumer<T> done, Consumer<String> failed) {
        Job job = Job.create(name, monitor -> {
            T result;
            try {
                result = work.run(monitor);
            } catch (RuntimeException e) {
                return Status.error(name + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.CANCEL_STATUS;
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                UiThread.updateLater(owner, () -> failed.accept(message));
                return Status.OK_STATUS;
            }
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            UiThread.updateLater(owner, () -> done.accept(result));
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }
}
