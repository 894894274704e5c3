package org.fenestra.sample.partner;

import java.util.List;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;

/** Copies the selected images as inventory CSV, ready to paste into the partner's asset system. */
public final class CopyInventoryAction implements ImageAction {

    @Override
    public void run(Shell shell, List<ImageSummary> selection) {
        Clipboard clipboard = new Clipboard(shell.getDisplay());
        try {
            clipboard.setContents(new Object[] { InventoryLine.csv(selection) },
                    new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }
}
