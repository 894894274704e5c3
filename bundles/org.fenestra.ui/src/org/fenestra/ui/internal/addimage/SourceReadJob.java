package org.fenestra.ui.internal.addimage;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.fenestra.content.api.ImportException;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Lists the images of the Data Source page's WIM through the import service, local and UNC
 * alike, off the UI thread. One instance per page: a new request while a read runs makes the
 * job run again for the newest path, and the page drops results for paths no longer typed.
 */
final class SourceReadJob extends Job {

    /** What a read found: the images, or why there are none. */
    record Result(String source, WimIndexes indexes, String problem) {
    }

    private final WorkbenchServices services;
    private final Control page;
    private final Consumer<Result> show;
    private volatile String next;

    SourceReadJob(WorkbenchServices services, Control page, Consumer<Result> show) {
        super(Messages.DataSource_readJob);
        this.services = services;
        this.page = page;
        this.show = show;
        setSystem(true);
    }

    void read(String source, long delay) {
        next = source;
        schedule(delay);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        String source = next;
        Result result;
        try {
            result = new Result(source, WimIndexes.of(services.requireImporter().indexes(source).images()), null);
        } catch (ImportException e) {
            result = new Result(source, null, e.getMessage());
        }
        Result read = result;
        UiThread.updateLater(page, () -> show.accept(read));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == page;
    }

    @Override
    public boolean shouldRun() {
        return !page.isDisposed();
    }
}
