package org.fenestra.ui.api;

import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;

/**
 * Supplies extra pages for the Add Operating System Image wizard, contributed through
 * {@code org.fenestra.ui.addImageWizardPages}. A new instance serves each wizard.
 *
 * @since 0.1
 */
public interface AddImageWizardPageProvider {

    /** The pages to append after the General page, in order. */
    List<IWizardPage> createPages();
}
