package org.fenestra.distribution.ui.internal.distribute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ProgressBar;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;

/** The distribution as it runs: one row per image and DP, and the whole as a bar. Shown first, it starts the Job. */
public final class ProgressPage extends WizardPage {

    private ProgressBar bar;
    private StatusTable rows;
    private final Map<String, Integer> percents = new HashMap<>();
    private boolean finished;

    ProgressPage() {
        super("progress", "Progress", null);
        setDescription("Distributing content; Cancel stops the transfers where they are.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        bar = new ProgressBar(area, SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        rows = new StatusTable(area);
        setControl(area);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            ((DistributeContentWizard) getWizard()).start();
        }
    }

    void show(ContentStatus status) {
        rows.show(status);
        int percent = status.state() == State.INSTALLED || status.state() == State.FAILED ? 100 : status.percent();
        percents.put(status.imageId() + "\n" + status.dpName(), percent);
        bar.setSelection(percents.values().stream().mapToInt(Integer::intValue).sum() / percents.size());
    }

    void finished() {
        finished = true;
        setPageComplete(true);
    }

    /** No way back once the distribution started. */
    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }

    @Override
    public boolean canFlipToNextPage() {
        return finished;
    }

    public List<List<String>> shownRows() {
        return rows.rows();
    }
}
