package org.fenestra.distribution.ui.internal.distribute;

import java.util.List;

import org.eclipse.jface.wizard.Wizard;
import org.fenestra.distribution.ui.internal.distribute.DistributeContentJob.Outcome;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;

/**
 * Distribute Content, as Configuration Manager's wizard: choose the DPs (or all), review the
 * summary, watch the progress (a cancellable Job), read the completion. There is no going back
 * once the distribution started.
 */
public final class DistributeContentWizard extends Wizard {

    public static final String TITLE = "Distribute Content";

    private final List<ImageSummary> images;
    private final DpChoicePage choice = new DpChoicePage();
    private final SummaryPage summary;
    private final ProgressPage progress = new ProgressPage();
    private final CompletionPage completion = new CompletionPage();
    private DistributeContentJob job;

    public DistributeContentWizard(List<ImageSummary> images) {
        this.images = List.copyOf(images);
        this.summary = new SummaryPage(this.images, choice);
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(false); // the Job reports progress on the Progress page
    }

    @Override
    public void addPages() {
        addPage(choice);
        addPage(summary);
        addPage(progress);
        addPage(completion);
    }

    /** Starts the distribution, once, when the Progress page is first shown. */
    void start() {
        if (job != null) {
            return;
        }
        job = new DistributeContentJob(images, choice.allChosen() ? List.of() : choice.chosenNames(),
                status -> UiThread.updateLater(progress.getControl(), () -> progress.show(status)),
                outcome -> UiThread.updateLater(progress.getControl(), () -> finished(outcome)));
        job.schedule();
    }

    boolean started() {
        return job != null;
    }

    private void finished(Outcome outcome) {
        progress.finished();
        completion.show(outcome);
        getContainer().showPage(completion);
    }

    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == completion;
    }

    @Override
    public boolean performFinish() {
        return true;
    }

    /** Cancel while it runs stops the transfers (their DPs say Failed: cancelled) and closes the wizard. */
    @Override
    public boolean performCancel() {
        if (job != null) {
            job.cancel();
        }
        return true;
    }

    public DpChoicePage choicePage() {
        return choice;
    }

    public SummaryPage summaryPage() {
        return summary;
    }

    public ProgressPage progressPage() {
        return progress;
    }

    public CompletionPage completionPage() {
        return completion;
    }
}
