package org.fenestra.sample.partner;

import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;
import org.fenestra.ui.api.AddImageWizardPageProvider;

/** Adds the Inventory Owner page to the Add Operating System Image wizard. */
public final class InventoryOwnerPages implements AddImageWizardPageProvider {

    @Override
    public List<IWizardPage> createPages() {
        return List.of(new InventoryOwnerPage());
    }
}
