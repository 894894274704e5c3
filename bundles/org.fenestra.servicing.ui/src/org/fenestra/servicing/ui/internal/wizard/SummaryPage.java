package org.fenestra.servicing.ui.internal.wizard;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.servicing.ui.internal.ServicingServices;
import org.fenestra.updates.api.UpdatePackage;

/** Summary: what Next will do. Next starts the run now (on to Progress), or saves the schedule (on to Completion). */
final class SummaryPage extends WizardPage {

    private final ScheduleSettings settings;
    private Text summary;

    SummaryPage(ScheduleSettings settings) {
        super("summary");
        this.settings = settings;
        setTitle(Messages.Summary_title);
        setDescription(Messages.Summary_description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        summary = new Text(page, SWT.READ_ONLY | SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            summary.setText(String.join("\n", lines()));
        }
        super.setVisible(visible);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(ScheduleUpdatesWizard.imageLine(settings));
        lines.add(NLS.bind(Messages.Summary_updates, settings.selected.size()));
        for (UpdatePackage update : settings.applicable) {
            if (settings.selected.contains(update.id())) {
                lines.add("    " + update.id() + "  " + update.articleId() + "  " + update.title());
            }
        }
        lines.add(switch (settings.when) {
            case NOW -> Messages.Summary_now;
            case ONCE, MONTHLY -> NLS.bind(Messages.Summary_schedule, settings.recurrence());
        });
        lines.add(NLS.bind(Messages.Summary_continueOnError, yesNo(settings.continueOnError)));
        lines.add(NLS.bind(Messages.Summary_updateDps, yesNo(settings.updateDistributionPoints))
                + (settings.updateDistributionPoints && !ServicingServices.of().distributionAvailable()
                        ? " (" + Messages.Summary_notAvailableYet + ")" : ""));
        lines.add(NLS.bind(Messages.Summary_optimize, yesNo(settings.optimize && settings.optimizeAllowed())));
        return lines;
    }

    @Override
    public IWizardPage getNextPage() {
        ScheduleUpdatesWizard wizard = (ScheduleUpdatesWizard) getWizard();
        return settings.when == ScheduleSettings.When.NOW ? wizard.progressPage() : wizard.completionPage();
    }

    static String yesNo(boolean value) {
        return value ? Messages.Yes : Messages.No;
    }

    Text summary() {
        return summary;
    }
}
