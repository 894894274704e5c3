package org.fenestra.distribution.ui.internal.distribute;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.ui.api.Tables;

/** Which DPs receive the content: some, or all (those registered when the distribution starts). */
public final class DpChoicePage extends WizardPage {

    private Button all;
    private CheckboxTableViewer table;
    private boolean loaded;

    DpChoicePage() {
        super("distributionPoints", "Distribution Points", null);
        setDescription("Choose the distribution points that receive the content.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        all = new Button(area, SWT.CHECK);
        all.setText("&All distribution points");
        all.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> update()));
        table = CheckboxTableViewer.newCheckList(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.getTable().setHeaderVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 150, DistributionPoint::name);
        column("URL", 260, point -> point.url().toString());
        column("Pull From", 150, DistributionPoint::pullFrom);
        table.addCheckStateListener(event -> update());
        setControl(area);
        Background.run("Reading distribution points", area, monitor -> DistributionServices.points().list(), points -> {
            loaded = true;
            table.setInput(points);
            if (points.isEmpty()) {
                setErrorMessage("No distribution points are registered: add them under Administration › Distribution Points.");
            }
            update();
        }, this::setErrorMessage);
    }

    private void column(String title, int width, java.util.function.Function<DistributionPoint, String> text) {
        Tables.addColumn(table, title, width, DistributionPoint.class, text);
    }

    private void update() {
        table.getTable().setEnabled(!all.getSelection());
        boolean any = table.getTable().getItemCount() > 0;
        setPageComplete(loaded && any && (all.getSelection() || table.getCheckedElements().length > 0));
    }

    public boolean allChosen() {
        return all.getSelection();
    }

    /** The DPs ticked (ignored when all are chosen). */
    public List<String> chosenNames() {
        return Arrays.stream(table.getCheckedElements()).map(e -> ((DistributionPoint) e).name()).toList();
    }

    /** For tests: the All check box, and ticking DPs by name once they are listed. */
    public Button allButton() {
        return all;
    }

    public boolean loaded() {
        return loaded;
    }

    public void check(String dpName, boolean checked) {
        ((List<?>) table.getInput()).stream().filter(r -> ((DistributionPoint) r).name().equals(dpName))
                .forEach(r -> table.setChecked(r, checked));
        update();
    }
}
