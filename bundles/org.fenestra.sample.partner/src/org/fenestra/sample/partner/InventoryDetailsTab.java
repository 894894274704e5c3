package org.fenestra.sample.partner;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.api.ImageDetailsTab;
import org.fenestra.ui.api.ImageSummary;

/** The Inventory tab of the details pane: the inventory lines of the selected images. */
public final class InventoryDetailsTab implements ImageDetailsTab {

    private Text lines;

    @Override
    public Control createContents(Composite parent) {
        lines = new Text(parent, SWT.READ_ONLY | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        return lines;
    }

    @Override
    public void show(List<ImageSummary> selection) {
        lines.setText(selection.isEmpty() ? "" : InventoryLine.HEADER + "\n"
                + selection.stream().map(InventoryLine::of).collect(Collectors.joining("\n")));
    }
}
