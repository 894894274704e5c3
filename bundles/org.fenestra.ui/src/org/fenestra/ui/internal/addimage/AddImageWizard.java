package org.fenestra.ui.internal.addimage;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.AddImageWizardPageProvider;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.registry.Contribution;
import org.fenestra.ui.internal.registry.ExtensionPoints;

/**
 * Add Operating System Image: Data Source, General, the pages partners contribute through
 * {@code addImageWizardPages}, Summary, then Progress (in the dialog) and Completion.
 */
public final class AddImageWizard extends Wizard {

    private final AddImageSettings settings = new AddImageSettings();
    private final CompletionPage completion = new CompletionPage();

    public AddImageWizard() {
        setWindowTitle(Messages.AddImageWizard_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(new DataSourcePage(settings));
        addPage(new GeneralPage(settings));
        partnerPages().forEach(this::addPage);
        addPage(new SummaryPage(settings));
        addPage(completion);
    }

    private static List<IWizardPage> partnerPages() {
        List<IWizardPage> pages = new ArrayList<>();
        for (Contribution<AddImageWizardPageProvider> contribution
                : ExtensionPoints.addImageWizardPages(Platform.getExtensionRegistry())) {
            try {
                pages.addAll(contribution.newInstance().createPages());
            } catch (CoreException | RuntimeException e) {
                System.getLogger(AddImageWizard.class.getName()).log(Level.ERROR,
                        contribution.error("wizard pages not added", e).getMessage(), e);
            }
        }
        return pages;
    }

    AddImageSettings settings() {
        return settings;
    }

    CompletionPage completionPage() {
        return completion;
    }

    /** Finish closes the wizard once the image has been added (on the Completion page). */
    @Override
    public boolean canFinish() {
        return completion.added() != null;
    }

    @Override
    public boolean performFinish() {
        return completion.added() != null;
    }

    /** The image this wizard added, or {@code null}. */
    public OsImageRecord added() {
        return completion.added();
    }
}
