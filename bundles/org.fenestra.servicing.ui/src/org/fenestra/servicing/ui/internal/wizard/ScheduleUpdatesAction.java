package org.fenestra.servicing.ui.internal.wizard;

import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;

/** Schedule Updates, on one OS image: opens the wizard. */
public final class ScheduleUpdatesAction implements ImageAction {

    @Override
    public void run(Shell shell, List<ImageSummary> selection) {
        if (selection.size() == 1) {
            new ScheduleUpdatesWizardDialog(shell, new ScheduleUpdatesWizard(selection.get(0))).open();
        }
    }
}
