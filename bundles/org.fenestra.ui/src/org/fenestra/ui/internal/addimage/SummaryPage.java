package org.fenestra.ui.internal.addimage;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.internal.Messages;

/** Summary: what will be done; Next runs it (with progress in the wizard) and shows Completion. */
final class SummaryPage extends WizardPage {

    private final AddImageSettings settings;
    private Text summary;

    SummaryPage(AddImageSettings settings) {
        super("summary", Messages.Summary_title, null);
        this.settings = settings;
        setDescription(Messages.Summary_description);
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
            // A problem from an earlier attempt (e.g. a taken name) is stale once the admin went back to fix it.
            setErrorMessage(null);
            summary.setText(settings.summary());
        }
        super.setVisible(visible);
    }
}
