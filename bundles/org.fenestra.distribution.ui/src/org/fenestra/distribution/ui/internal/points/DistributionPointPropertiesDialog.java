package org.fenestra.distribution.ui.internal.points;

import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.distribution.ui.internal.multicast.DpMulticastForm;

/**
 * A DP's Properties: General (what the site knows of it) and Multicast. The Multicast tab reads
 * the DP's settings in a Job; OK checks them as the site does, then gives them to the DP and
 * stores them in a Job while the dialog stays open; a DP that refuses or cannot be reached is
 * shown here and nothing is stored.
 */
public final class DistributionPointPropertiesDialog extends TitleAreaDialog {

    private final DistributionPoint point;
    private TabFolder folder;
    private DpMulticastForm multicast;
    private DpMulticastSettings stored;
    private boolean saving;
    private String shownError;

    public DistributionPointPropertiesDialog(Shell parent, DistributionPoint point) {
        super(parent);
        this.point = point;
    }

    /** The dialog's title for {@code dp}, as tests find its shell. */
    public static String title(String dp) {
        return dp + " Properties";
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title(point.name()));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title(point.name()));
        setMessage("Reading the DP's multicast settings…");
        folder = new TabFolder(area, SWT.TOP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TabItem general = new TabItem(folder, SWT.NONE);
        general.setText("General");
        general.setControl(general(folder));
        TabItem multicastTab = new TabItem(folder, SWT.NONE);
        multicastTab.setText("Multicast");
        multicast = new DpMulticastForm(folder, this::problemChanged);
        multicastTab.setControl(multicast.control());
        Background.run("Reading multicast settings of " + point.name(), folder,
                monitor -> DistributionServices.multicast().dpSettings(point.name()), settings -> {
                    stored = settings;
                    multicast.show(settings);
                    setMessage("The site gives the DP these settings when you press OK.");
                }, this::showError);
        return area;
    }

    private Control general(Composite parent) {
        Composite fields = new Composite(parent, SWT.NONE);
        fields.setLayout(new GridLayout(2, false));
        row(fields, "Name:", point.name());
        row(fields, "URL:", point.url().toString());
        row(fields, "Certificate SHA-256:", point.fingerprint());
        row(fields, "Pulls content from:", point.isPullDp() ? point.pullFrom() : "(none: the site pushes to it)");
        return fields;
    }

    private static void row(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.READ_ONLY | SWT.BORDER);
        text.setText(value == null ? "" : value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private void problemChanged(Optional<String> problem) {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(stored != null && !saving && problem.isEmpty());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        problemChanged(multicast.problem());
    }

    @Override
    protected void okPressed() {
        if (saving || stored == null || multicast.problem().isPresent()) {
            return;
        }
        DpMulticastSettings wanted = multicast.settings();
        if (wanted.equals(stored)) {
            super.okPressed();
            return;
        }
        saving = true;
        shownError = null;
        setErrorMessage(null);
        setMessage("Giving " + point.name() + " its multicast settings…");
        problemChanged(multicast.problem());
        Background.run("Saving multicast settings of " + point.name(), folder,
                monitor -> DistributionServices.multicast().setDpSettings(point.name(), wanted), saved -> {
                    saving = false;
                    stored = saved;
                    close();
                }, problem -> {
                    saving = false;
                    showError(problem);
                });
    }

    private void showError(String problem) {
        shownError = problem;
        setErrorMessage(problem);
        problemChanged(multicast.problem());
    }

    // ---- for tests

    public DpMulticastForm multicastForm() {
        return multicast;
    }

    public TabFolder tabFolder() {
        return folder;
    }

    /** Whether the DP's settings were read and no save runs. */
    public boolean ready() {
        return stored != null && !saving;
    }

    /** The error shown (the DP refused or could not be reached), else null. */
    public String shownError() {
        return shownError;
    }
}
