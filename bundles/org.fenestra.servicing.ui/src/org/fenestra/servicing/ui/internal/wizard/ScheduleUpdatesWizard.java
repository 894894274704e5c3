package org.fenestra.servicing.ui.internal.wizard;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.ui.api.ImageSummary;

/**
 * Schedule Updates: Choose Updates, Set Schedule, Summary, then Progress (a run now, as a background
 * job the page follows) and Completion; a later schedule goes from Summary to Completion.
 */
public final class ScheduleUpdatesWizard extends Wizard {

    private final ScheduleSettings settings;
    private final ProgressPage progress = new ProgressPage();
    private final CompletionPage completion = new CompletionPage();

    public ScheduleUpdatesWizard(ImageSummary image) {
        settings = new ScheduleSettings(image);
        setWindowTitle(Messages.Wizard_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(new ChooseUpdatesPage(settings));
        addPage(new SetSchedulePage(settings));
        addPage(new SummaryPage(settings));
        addPage(progress);
        addPage(completion);
    }

    ScheduleSettings settings() {
        return settings;
    }

    ProgressPage progressPage() {
        return progress;
    }

    CompletionPage completionPage() {
        return completion;
    }

    /** Finish closes the wizard once the work is done (on the Completion page). */
    @Override
    public boolean canFinish() {
        return completion.done();
    }

    @Override
    public boolean performFinish() {
        return completion.done();
    }

    static String imageLine(ScheduleSettings settings) {
        return NLS.bind(Messages.Wizard_image, settings.image.name(), settings.image.id());
    }
}
