package org.fenestra.ui.internal.addimage;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportException;
import org.fenestra.ui.api.WimProgressMonitor;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Runs the import when the admin leaves Summary for Completion, with the dialog's progress
 * bar and Cancel button; a failure keeps the wizard on Summary with the reason shown, and
 * nothing is added.
 */
public final class AddImageWizardDialog extends WizardDialog {

    private final AddImageWizard wizard;

    public AddImageWizardDialog(Shell parent, AddImageWizard wizard) {
        super(parent, wizard);
        this.wizard = wizard;
        addPageChangingListener(this::importBeforeCompletion);
    }

    private void importBeforeCompletion(PageChangingEvent event) {
        if (event.getTargetPage() != wizard.completionPage() || wizard.added() != null) {
            return;
        }
        SummaryPage summary = (SummaryPage) event.getCurrentPage();
        ImageImporter importer;
        try {
            importer = WorkbenchServices.of().requireImporter();
        } catch (ImportException e) {
            summary.setErrorMessage(e.getMessage());
            event.doit = false;
            return;
        }
        AtomicReference<OsImageRecord> added = new AtomicReference<>();
        String user = System.getProperty("user.name");
        try {
            run(true, true, monitor -> {
                try {
                    added.set(importer.importImage(wizard.settings().toRequest(user), new WimProgressMonitor(monitor)));
                } catch (ImportException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            wizard.completionPage().show(added.get());
        } catch (InvocationTargetException e) {
            summary.setErrorMessage(e.getCause().getMessage());
            event.doit = false;
        } catch (InterruptedException e) {
            summary.setErrorMessage(Messages.Summary_cancelled);
            event.doit = false;
        }
    }
}
