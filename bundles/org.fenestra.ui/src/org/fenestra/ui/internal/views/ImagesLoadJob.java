package org.fenestra.ui.internal.views;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.ImageSummaries;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Reads a view's OS images from the catalog, and the values of its contributed columns, off
 * the UI thread, and hands them to the view
 * with {@code asyncExec}. One instance serves one view (as Eclipse's {@code MarkerUpdateJob}
 * does): {@link #reload()} while it runs makes it run once more afterwards, so reloads never
 * overlap and the last list shown is always from the last read. It belongs to the view's
 * family (cancelled with it) and does not run once the view's control is disposed.
 */
final class ImagesLoadJob extends Job {

    private static final System.Logger LOG = System.getLogger(ImagesLoadJob.class.getName());

    private final Object family;
    private final WorkbenchServices services;
    private final Control control;
    private final List<ContributedColumn> columns;
    private final BiConsumer<List<ImageSummary>, String> show;

    /** @param show gets the images and a problem to show ({@code null} when none), on the UI thread */
    ImagesLoadJob(Object family, WorkbenchServices services, Control control, List<ContributedColumn> columns,
            BiConsumer<List<ImageSummary>, String> show) {
        super(Messages.ImagesLoadJob_name);
        this.family = family;
        this.services = services;
        this.control = control;
        this.columns = List.copyOf(columns);
        this.show = show;
        setSystem(true);
    }

    /** Reads the catalog again soon; callable from any thread. */
    void reload() {
        schedule(50); // a burst of catalog changes costs one read
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<ImageSummary> images = List.of();
        String problem = null;
        Optional<ImageCatalog> catalog = services.catalog();
        if (catalog.isEmpty()) {
            problem = Messages.Services_catalogNotRunning;
        } else {
            try {
                images = catalog.get().list().stream().map(ImageSummaries::of).toList();
            } catch (CatalogException e) {
                LOG.log(Level.WARNING, "cannot list the OS images of the site catalog", e);
                problem = Messages.bind(Messages.ImagesLoadJob_failed, e.getMessage());
            }
        }
        for (ContributedColumn column : columns) {
            if (monitor.isCanceled()) {
                break;
            }
            column.load(images, monitor);
        }
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        List<ImageSummary> loaded = images;
        String shownProblem = problem;
        UiThread.updateLater(control, () -> show.accept(loaded, shownProblem));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object candidate) {
        return candidate == family;
    }

    @Override
    public boolean shouldSchedule() {
        return !control.isDisposed();
    }

    @Override
    public boolean shouldRun() {
        return !control.isDisposed();
    }
}
