package org.fenestra.distribution.ui.internal.distribute;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.api.ImageSummary;

/** What will be sent where; Next starts it. */
public final class SummaryPage extends WizardPage {

    private final List<ImageSummary> images;
    private final DpChoicePage choice;
    private Text text;

    SummaryPage(List<ImageSummary> images, DpChoicePage choice) {
        super("summary", "Summary", null);
        this.images = images;
        this.choice = choice;
        setDescription("Confirm the settings; Next starts the distribution.");
    }

    @Override
    public void createControl(Composite parent) {
        text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        setControl(text);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            text.setText(describe());
        }
        super.setVisible(visible);
    }

    String describe() {
        String dps = choice.allChosen() ? "All distribution points" : String.join("\n  ", choice.chosenNames());
        return "Content (" + images.size() + "):\n  "
                + images.stream().map(i -> i.id() + "  " + i.name()).collect(Collectors.joining("\n  "))
                + "\n\nDistribution points:\n  " + dps + "\n\nEach DP receives what it lacks; an interrupted "
                + "transfer continues where it stopped.";
    }

    /** The summary shown, for tests. */
    public String shownText() {
        return text.getText();
    }
}
