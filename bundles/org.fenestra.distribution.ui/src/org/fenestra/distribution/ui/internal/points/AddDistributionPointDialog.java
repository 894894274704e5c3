package org.fenestra.distribution.ui.internal.points;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.DistributionServices;

/**
 * Registers a DP with what the DP printed at its first start: its URL, its certificate's
 * fingerprint and the site secret. OK checks the DP answers with that certificate and accepts
 * the secret (in a Job, the dialog stays open meanwhile); a refusal is shown here and nothing is
 * saved.
 */
public final class AddDistributionPointDialog extends TitleAreaDialog {

    public static final String TITLE = "Add Distribution Point";
    private static final String SITE_PUSHES = "(none: the site pushes to it)";

    private final List<String> registered;
    private Text name;
    private Text url;
    private Text fingerprint;
    private Text secret;
    private Combo pullFrom;
    private Job check;
    private DistributionPoint added;
    private String shownError;

    /** @param registered the DPs a new one may pull from */
    public AddDistributionPointDialog(Shell parent, List<String> registered) {
        super(parent);
        this.registered = List.copyOf(registered);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(TITLE);
        setMessage("Enter what the DP printed when it first started (./fenestra dp): its URL, certificate "
                + "fingerprint and site secret.");
        Composite fields = new Composite(area, SWT.NONE);
        fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fields.setLayout(new GridLayout(2, false));
        name = field(fields, "&Name:", SWT.NONE);
        url = field(fields, "&URL:", SWT.NONE);
        url.setMessage("https://dp01.contoso.com:8443/");
        fingerprint = field(fields, "Certificate &SHA-256:", SWT.NONE);
        fingerprint.setMessage("3A:91:…:C4");
        secret = field(fields, "Site s&ecret:", SWT.PASSWORD);
        new Label(fields, SWT.NONE).setText("&Pull content from:");
        pullFrom = new Combo(fields, SWT.READ_ONLY);
        List<String> sources = new ArrayList<>(List.of(SITE_PUSHES));
        sources.addAll(registered);
        pullFrom.setItems(sources.toArray(String[]::new));
        pullFrom.select(0);
        pullFrom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return area;
    }

    private static Text field(Composite parent, String label, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | style);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 420;
        text.setLayoutData(data);
        return text;
    }

    @Override
    protected void okPressed() {
        String problem = firstProblem();
        if (problem != null) {
            setErrorMessage(problem);
            return;
        }
        String dpName = name.getText().strip();
        URI dpUrl = URI.create(url.getText().strip());
        String dpFingerprint = fingerprint.getText().strip();
        String dpSecret = secret.getText().strip();
        String source = pullFrom.getSelectionIndex() <= 0 ? "" : pullFrom.getText();
        setErrorMessage(null);
        setMessage("Checking that " + dpUrl + " answers with this certificate and accepts the secret…");
        setInputEnabled(false);
        check = Background.run("Adding distribution point " + dpName, getShell(),
                monitor -> DistributionServices.points().add(dpName, dpUrl, dpFingerprint, dpSecret, source), point -> {
                    added = point;
                    setReturnCode(OK);
                    close();
                }, message -> {
                    setInputEnabled(true);
                    setMessage(null);
                    setErrorMessage(message);
                });
    }

    /** What is missing or malformed before anything is sent, or {@code null}. */
    private String firstProblem() {
        if (name.getText().isBlank()) {
            return "Enter the DP's name.";
        }
        if (url.getText().isBlank()) {
            return "Enter the DP's URL.";
        }
        try {
            URI parsed = new URI(url.getText().strip());
            if (!"https".equals(parsed.getScheme()) || parsed.getHost() == null) {
                return "The URL must be an https:// URL with a host, as the DP printed it.";
            }
        } catch (URISyntaxException e) {
            return "The URL is not valid: " + e.getReason() + ".";
        }
        if (fingerprint.getText().isBlank()) {
            return "Enter the fingerprint of the DP's certificate (SHA-256).";
        }
        if (secret.getText().isBlank()) {
            return "Enter the site secret the DP printed (DATA/identity/site.secret).";
        }
        return null;
    }

    private void setInputEnabled(boolean enabled) {
        for (Control control : List.of(name, url, fingerprint, secret, pullFrom)) {
            control.setEnabled(enabled);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(enabled);
    }

    @Override
    public boolean close() {
        if (check != null) {
            check.cancel(); // an answer after Cancel changes nothing on screen; the DP may still be saved
        }
        return super.close();
    }

    @Override
    public void setErrorMessage(String message) {
        shownError = message;
        super.setErrorMessage(message);
    }

    /** The error shown at the top, or {@code null}. */
    public String shownError() {
        return shownError;
    }

    /** The DP registered, after OK. */
    public DistributionPoint added() {
        return added;
    }

    /** The fields, for tests: name, URL, fingerprint, secret. */
    public List<Text> fields() {
        return List.of(name, url, fingerprint, secret);
    }

    public Combo pullFromChoice() {
        return pullFrom;
    }
}
