package org.fenestra.distribution.ui.internal.distribute;

import java.util.List;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;

/** Distribute Content on the OS Images view: the wizard for the selected images. */
public final class DistributeContentAction implements ImageAction {

    @Override
    public void run(Shell shell, List<ImageSummary> selection) {
        WizardDialog dialog = new WizardDialog(shell, new DistributeContentWizard(selection));
        dialog.setPageSize(640, 320);
        dialog.open();
    }
}
