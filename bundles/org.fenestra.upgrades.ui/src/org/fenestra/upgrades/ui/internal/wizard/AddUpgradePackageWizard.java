package org.fenestra.upgrades.ui.internal.wizard;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.Wizard;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.UpgradePackageRequest;
import org.fenestra.ui.api.WimProgressMonitor;
import org.fenestra.upgrades.ui.internal.UpgradeServices;

/**
 * Add Operating System Upgrade Package: the media folder and the package's name, version and comment on
 * one page; Finish starts the copy as a user job (progress in bytes, cancellable from the Progress view).
 * A refused or failed import is bad input, not a fault: its one-line reason goes to {@code onFailed} (the
 * view shows it) instead of the error log; nothing is left behind then.
 */
public final class AddUpgradePackageWizard extends Wizard {

    public static final String TITLE = "Add Operating System Upgrade Package";
    private final Consumer<UpgradePackageRecord> onAdded;
    private final Consumer<String> onFailed;
    private final UpgradePackagePage page = new UpgradePackagePage();
    private Job job;

    /**
     * @param onAdded  told in the job's thread of the added package
     * @param onFailed told in the job's thread why the package was not added
     */
    public AddUpgradePackageWizard(Consumer<UpgradePackageRecord> onAdded, Consumer<String> onFailed) {
        this.onAdded = onAdded;
        this.onFailed = onFailed;
        setWindowTitle(TITLE);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        UpgradePackageRequest request = page.request(System.getProperty("user.name"));
        job = new Job("Add OS upgrade package " + request.sourcePath()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    UpgradePackageRecord added = UpgradeServices.importer(monitor).importPackage(request,
                            new WimProgressMonitor(monitor));
                    onAdded.accept(added);
                    return Status.OK_STATUS;
                } catch (ImportException e) {
                    if (e.reason() == ImportException.Reason.CANCELLED) {
                        return Status.CANCEL_STATUS;
                    }
                    onFailed.accept(e.getMessage());
                    return Status.OK_STATUS;
                } catch (CatalogException e) {
                    onFailed.accept(e.getMessage());
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } finally {
                    monitor.done();
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return true;
    }

    /** The import job Finish started, or null before; for tests. */
    public Job job() {
        return job;
    }
}
