package org.fenestra.ui.internal.addimage;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.internal.Messages;

/** Completion: what was added. There is no way back: the image exists now. */
final class CompletionPage extends WizardPage {

    private Text result;
    private OsImageRecord added;

    CompletionPage() {
        super("completion", Messages.Completion_title, null);
        setDescription(Messages.Completion_description);
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
                Messages.bind(Messages.Completion_added, image.id()),
                Messages.Completion_name + image.name(),
                Messages.Completion_storedImage + image.storedPath(),
                Messages.Completion_imageIndex + org.fenestra.ui.internal.properties.IndexText.of(image),
                Messages.Completion_osVersion + image.osVersion(),
                Messages.Completion_architecture + image.architecture().name().toLowerCase(java.util.Locale.ROOT),
                Messages.Completion_language + image.language(),
                Messages.Completion_size + ByteSize.text(image.sizeBytes())));
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
