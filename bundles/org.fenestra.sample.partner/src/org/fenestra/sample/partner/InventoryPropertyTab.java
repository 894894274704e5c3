package org.fenestra.sample.partner;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;

/** Shows the inventory line this partner would record for the image. */
public final class InventoryPropertyTab implements ImagePropertyTab {

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        new Label(page, SWT.NONE).setText("Inventory record (" + InventoryLine.HEADER + "):");
        Text line = new Text(page, SWT.READ_ONLY | SWT.BORDER | SWT.WRAP | SWT.MULTI);
        line.setText(InventoryLine.of(image));
        line.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(page, SWT.NONE).setText("Asset owner: " + InventoryOwner.get());
        return page;
    }
}
