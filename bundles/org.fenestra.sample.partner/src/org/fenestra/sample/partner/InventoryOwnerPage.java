package org.fenestra.sample.partner;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Asks who owns the images added, for the partner's asset inventory; the owner is remembered
 * ({@link InventoryOwner}) and shown on the image's Inventory tab.
 */
final class InventoryOwnerPage extends WizardPage {

    static final String NAME = "org.fenestra.sample.partner.inventoryOwner";

    private Text owner;

    InventoryOwnerPage() {
        super(NAME, "Inventory Owner (Sample Partner)", null);
        setDescription("Who answers for the images added, in the partner's asset inventory");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        new Label(page, SWT.NONE).setText("Asset owner:");
        owner = new Text(page, SWT.BORDER);
        owner.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        owner.setText(InventoryOwner.get());
        owner.addListener(SWT.Modify, event -> validate());
        Label note = new Label(page, SWT.WRAP);
        note.setText("Recorded for every image added from now on; the image's Inventory tab shows it.");
        note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        setControl(page);
        validate();
    }

    private void validate() {
        boolean named = !owner.getText().isBlank();
        setErrorMessage(named ? null : "Enter the asset owner (a person or a team).");
        setPageComplete(named);
        if (named) {
            InventoryOwner.set(owner.getText().strip());
        }
    }
}
