package org.fenestra.distribution.ui.internal.distribute;

import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.ui.internal.distribute.DistributeContentJob.Outcome;

/** How the distribution ended, per image and DP, with the reason of each failure. */
public final class CompletionPage extends WizardPage {

    private Label headline;
    private Label problems;
    private StatusTable rows;

    CompletionPage() {
        super("completion", "Completion", null);
        setDescription("The distribution has finished.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        headline = new Label(area, SWT.WRAP);
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        problems = new Label(area, SWT.WRAP);
        problems.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        rows = new StatusTable(area);
        setControl(area);
    }

    void show(Outcome finished) {
        finished.statuses().forEach(rows::show);
        long installed = finished.count(State.INSTALLED);
        long failed = finished.count(State.FAILED);
        String text = (finished.cancelled() ? "Cancelled. " : "") + installed + " of " + finished.statuses().size()
                + " installed" + (failed > 0 ? ", " + failed + " failed (the reasons are below)." : ".");
        headline.setText(text);
        problems.setText(String.join("\n", finished.problems()));
        if (failed > 0 || !finished.problems().isEmpty() || finished.cancelled()) {
            setErrorMessage(finished.cancelled() ? "The distribution was cancelled."
                    : "The content did not reach every distribution point.");
        }
        headline.getParent().layout(true, true);
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }

    public String headline() {
        return headline.getText();
    }

    public String problems() {
        return problems.getText();
    }

    public List<List<String>> shownRows() {
        return rows.rows();
    }
}
