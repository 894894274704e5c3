package org.fenestra.updates.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.osgi.util.tracker.ServiceTracker;

/** Reaches the software updates service from a background job. */
public final class UpdatesService {

    /** How long a job waits for the service while the framework is still starting it. */
    private static final long WAIT_MILLIS = 30_000;

    private UpdatesService() {
    }

    /**
     * The service, waiting for it (up to 30 s, cancellable) while Declarative Services starts it.
     * Never call on the UI thread.
     *
     * @throws UpdateException CANCELLED when the monitor is cancelled, DATABASE when the service does not come
     */
    public static SoftwareUpdates await(IProgressMonitor monitor) throws UpdateException {
        ServiceTracker<SoftwareUpdates, SoftwareUpdates> tracker = UpdatesUiActivator.tracker();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (tracker != null && System.currentTimeMillis() < deadline) {
            if (monitor.isCanceled()) {
                throw new UpdateException(Reason.CANCELLED, "cancelled");
            }
            try {
                SoftwareUpdates service = tracker.waitForService(200);
                if (service != null) {
                    return service;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpdateException(Reason.CANCELLED, "interrupted");
            }
        }
        throw new UpdateException(Reason.DATABASE,
                "The software updates service is not running (is the site catalog available?).");
    }
}
