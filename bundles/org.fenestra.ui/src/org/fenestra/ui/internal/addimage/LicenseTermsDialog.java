package org.fenestra.ui.internal.addimage;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.fenestra.content.api.ImportException;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * The license terms stored in the chosen image, read by the import service in a job (the WIM
 * may be on a share) and shown as text; says so when the image carries none.
 */
final class LicenseTermsDialog extends Dialog {

    private final String source;
    private final int index;
    private Text terms;

    LicenseTermsDialog(Shell parent, String source, int index) {
        super(parent);
        this.source = source;
        this.index = index;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.License_title);
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return new org.eclipse.swt.graphics.Point(640, 520);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        terms = new Text(area, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        terms.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        terms.setFont(JFaceResources.getDialogFont());
        terms.setText(Messages.License_reading);
        WorkbenchServices services = WorkbenchServices.of();
        Job read = Job.create(Messages.License_job, (IProgressMonitor monitor) -> {
            String shown;
            try {
                Optional<String> found = services.requireImporter().licenseTerms(source, index);
                shown = found.orElse(Messages.License_none);
            } catch (ImportException e) {
                shown = Messages.bind(Messages.License_failed, e.getMessage());
            }
            String text = shown;
            UiThread.updateLater(terms, () -> terms.setText(text));
            return Status.OK_STATUS;
        });
        read.setSystem(true);
        read.schedule();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }

    /** The text shown (for tests). */
    String shownText() {
        return terms.getText();
    }
}
