package org.fenestra.distribution.ui.internal.distribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.ui.internal.ContentChanges;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.distribution.ui.internal.DistributionServices.ServiceUnavailableException;
import org.fenestra.ui.api.ImageSummary;

/**
 * Distributes images one after the other, each to the chosen DPs in parallel (as the service
 * does), reporting every status change as it comes; cancelling stops the transfers at their next
 * piece (their DPs then say Failed: cancelled).
 */
final class DistributeContentJob extends Job {

    /**
     * What a run ended with: each DP's final status per image, and the images the service
     * refused as a whole (with why).
     */
    record Outcome(List<ContentStatus> statuses, List<String> problems, boolean cancelled) {
        long count(State state) {
            return statuses.stream().filter(s -> s.state() == state).count();
        }
    }

    private final List<ImageSummary> images;
    private final List<String> chosenDps;
    private final Consumer<ContentStatus> progress;
    private final Consumer<Outcome> finished;
    private final Object monitorLock = new Object();

    /**
     * @param chosenDps the DPs' names; empty for every registered DP (read when the job runs)
     * @param progress  hears each status change, from the service's threads
     * @param finished  hears the outcome once, also after cancelling
     */
    DistributeContentJob(List<ImageSummary> images, List<String> chosenDps, Consumer<ContentStatus> progress,
            Consumer<Outcome> finished) {
        super("Distributing content to distribution points");
        this.images = List.copyOf(images);
        this.chosenDps = List.copyOf(chosenDps);
        this.progress = progress;
        this.finished = finished;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<ContentStatus> statuses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            ContentDistribution distribution = DistributionServices.distribution();
            List<String> dps = chosenDps.isEmpty()
                    ? DistributionServices.points().list().stream().map(DistributionPoint::name).toList()
                    : chosenDps;
            if (dps.isEmpty()) {
                problems.add("No distribution points are registered.");
            }
            monitor.beginTask(getName(), images.size() * dps.size() * 100);
            Map<String, Integer> percents = new ConcurrentHashMap<>();
            for (ImageSummary image : images) {
                if (monitor.isCanceled() || dps.isEmpty()) {
                    break;
                }
                monitor.subTask(image.name());
                try {
                    statuses.addAll(distribution.distribute(image.id(), dps, new DistributionListener() {
                        @Override
                        public void statusChanged(ContentStatus status) {
                            int percent = status.state() == State.INSTALLED || status.state() == State.FAILED ? 100
                                    : status.percent();
                            Integer before = percents.put(status.imageId() + "\n" + status.dpName(), percent);
                            worked(monitor, percent - (before == null ? 0 : before));
                            progress.accept(status);
                        }

                        @Override
                        public boolean isCancelled() {
                            return monitor.isCanceled();
                        }
                    }));
                } catch (DistributionException e) { // refused as a whole (no such image, content unreadable, …): say so, go on
                    problems.add(image.name() + ": " + e.getMessage());
                }
            }
        } catch (DistributionException | ServiceUnavailableException e) { // a service is not running, the DP list cannot be read
            problems.add(e.getMessage());
        } finally {
            monitor.done();
            finished.accept(new Outcome(List.copyOf(statuses), List.copyOf(problems), monitor.isCanceled()));
            ContentChanges.changed();
        }
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    /** Progress arrives from the pushes' threads at once; the monitor is told one at a time. */
    private void worked(IProgressMonitor monitor, int amount) {
        if (amount > 0) {
            synchronized (monitorLock) {
                monitor.worked(amount);
            }
        }
    }
}
