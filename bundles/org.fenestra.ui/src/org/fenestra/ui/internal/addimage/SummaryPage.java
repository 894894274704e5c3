package org.fenestra.ui.internal.addimage;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** Summary: what will be done; Next runs it (with progress in the wizard) and shows Completion. */
final class SummaryPage extends WizardPage {

    private final AddImageSettings settings;
    private Text summary;

    SummaryPage(AddImageSettings settings) {
        super("summary", "Summary", null);
        this.settings = settings;
        setDescription("Confirm the settings; Next adds the image");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new FillLayout());
        summary = new Text(page, SWT.READ_ONLY | SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        summary.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            summary.setText(settings.summary());
        }
        super.setVisible(visible);
    }
}
