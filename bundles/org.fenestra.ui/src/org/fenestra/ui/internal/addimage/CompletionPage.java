package org.fenestra.ui.internal.addimage;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.OsImageRecord;

/** Completion: what was added. There is no way back: the image exists now. */
final class CompletionPage extends WizardPage {

    private Text result;
    private OsImageRecord added;

    CompletionPage() {
        super("completion", "Completion", null);
        setDescription("The Add Operating System Image wizard completed successfully");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new FillLayout());
        result = new Text(page, SWT.READ_ONLY | SWT.MULTI | SWT.BORDER);
        setControl(page);
    }

    void show(OsImageRecord image) {
        added = image;
        result.setText(String.join(System.lineSeparator(),
                "Added operating system image " + image.id() + ".",
                "Name:          " + image.name(),
                "Stored image:  " + image.storedPath(),
                "Image index:   " + image.imageIndex(),
                "OS version:    " + image.osVersion(),
                "Architecture:  " + image.architecture(),
                "Language:      " + image.language(),
                "Size (bytes):  " + image.sizeBytes()));
        setPageComplete(true);
    }

    OsImageRecord added() {
        return added;
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }
}
