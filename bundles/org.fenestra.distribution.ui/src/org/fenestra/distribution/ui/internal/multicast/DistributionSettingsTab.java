package org.fenestra.distribution.ui.internal.multicast;

import java.lang.reflect.InvocationTargetException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.api.MulticastSettings;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.distribution.ui.internal.DistributionServices.ServiceUnavailableException;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;

/**
 * Distribution Settings in an image's Properties (as Configuration Manager's tab): allow
 * multicast, encrypt it, send only via multicast, with the image's deployments below. "Only via
 * multicast" can be ticked only while multicast is allowed and no deployment runs content from
 * the DP; the line under the options says why when it cannot. OK saves off the UI thread; a
 * refusal is shown in the tab and keeps the dialog open.
 */
public final class DistributionSettingsTab implements ImagePropertyTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    /** What the tab read: the stored settings and the image's deployments. */
    private record Loaded(ImageDistributionSettings settings, List<Deployment> deployments) {
    }

    private ImageSummary image;
    private Composite area;
    private Button allow;
    private Button encrypt;
    private Button only;
    private Label rule;
    private TableViewer deploymentsViewer;
    private Label message;
    private ImageDistributionSettings stored;
    private List<Deployment> deployments = List.of();
    private boolean saving;

    @Override
    public Control createContents(Composite parent, ImageSummary shown) {
        image = shown;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        Group options = new Group(area, SWT.NONE);
        options.setText("Multicast");
        options.setLayout(new GridLayout());
        options.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        allow = option(options, "&Allow this package to be transferred via multicast");
        encrypt = option(options, "&Encrypt multicast packages");
        only = option(options, "Transfer this package &only via multicast");
        rule = new Label(options, SWT.WRAP);
        GridData ruleData = new GridData(SWT.FILL, SWT.TOP, true, false);
        ruleData.widthHint = 540;
        rule.setLayoutData(ruleData);

        new Label(area, SWT.NONE).setText("Deployments of this image:");
        deploymentsViewer = Tables.create(area, SWT.SINGLE);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 90;
        deploymentsViewer.getTable().setLayoutData(tableData);
        Tables.addColumn(deploymentsViewer, "Deployment", 90, Deployment.class, Deployment::id);
        Tables.addColumn(deploymentsViewer, "Clients", 180, Deployment.class, d -> String.join(", ", d.targetClients()));
        Tables.addColumn(deploymentsViewer, "Content", 140, Deployment.class, DistributionSettingsTab::content);
        Tables.addColumn(deploymentsViewer, "Created", 130, Deployment.class, d -> TIME.format(d.createdAt()));
        deploymentsViewer.setInput(deployments);

        message = new Label(area, SWT.WRAP);
        GridData messageData = new GridData(SWT.FILL, SWT.TOP, true, false);
        messageData.widthHint = 540;
        message.setLayoutData(messageData);
        message.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        message.setText("Reading the distribution settings…");
        update();
        Background.run("Reading distribution settings of " + image.name(), area, monitor -> {
            MulticastSettings multicast = DistributionServices.multicast();
            return new Loaded(multicast.imageSettings(image.id()), multicast.deployments(image.id()));
        }, this::show, this::showProblem);
        return area;
    }

    private Button option(Composite parent, String text) {
        Button button = new Button(parent, SWT.CHECK);
        button.setText(text);
        button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            if (!allow.getSelection()) {
                only.setSelection(false); // only via multicast needs multicast allowed
            }
            update();
        }));
        return button;
    }

    private static String content(Deployment deployment) {
        return deployment.downloadLocally() ? "Downloads locally" : "Runs from the DP";
    }

    private void show(Loaded loaded) {
        stored = loaded.settings();
        deployments = loaded.deployments();
        allow.setSelection(stored.allowMulticast());
        encrypt.setSelection(stored.encryptMulticast());
        only.setSelection(stored.onlyMulticast());
        deploymentsViewer.setInput(deployments);
        message.setText("");
        update();
    }

    private void showProblem(String problem) {
        message.setText(problem);
        update();
    }

    /** Enables what can be changed now and explains the rule. */
    private void update() {
        boolean ready = stored != null && !saving;
        List<Deployment> streaming = deployments.stream().filter(d -> !d.downloadLocally()).toList();
        allow.setEnabled(ready);
        encrypt.setEnabled(ready && allow.getSelection());
        // ticked already (stored so, or a race): it can always be unticked
        only.setEnabled(ready && (only.getSelection() || allow.getSelection() && streaming.isEmpty()));
        rule.setText(stored == null ? "" : explain(streaming));
        area.layout(true, true);
    }

    private String explain(List<Deployment> streaming) {
        if (!streaming.isEmpty()) {
            return "Only via multicast is not possible: " + streaming.stream()
                    .map(d -> d.id() + " (" + String.join(", ", d.targetClients()) + ")").collect(Collectors.joining(", "))
                    + (streaming.size() == 1 ? " runs" : " run") + " content from the DP, and a client that runs "
                    + "content from the DP cannot take an image sent only by multicast. Deployments of this image must "
                    + "download content locally when needed by the running task sequence.";
        }
        if (!allow.getSelection()) {
            return "Only via multicast needs multicast allowed.";
        }
        if (only.getSelection()) {
            return "Clients get this image only by multicast, never over HTTPS from a DP; new deployments of it "
                    + "must download content locally.";
        }
        return "Only via multicast is possible: " + (deployments.isEmpty() ? "the image has no deployment."
                : "every deployment of this image downloads content locally.");
    }

    /** The settings as ticked. */
    public ImageDistributionSettings shownSettings() {
        return new ImageDistributionSettings(image.id(), allow.getSelection(), encrypt.getSelection(),
                only.getSelection());
    }

    @Override
    public boolean performOk() {
        if (stored == null || shownSettings().equals(stored)) {
            return true; // nothing read, or nothing changed: nothing to save
        }
        ImageDistributionSettings wanted = shownSettings();
        AtomicReference<String> warning = new AtomicReference<>();
        saving = true;
        update();
        try {
            // as the General tab: the event loop keeps running while the site stores them in another thread
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(monitor -> {
                try {
                    DistributionServices.multicast().setImageSettings(wanted);
                } catch (DistributionException e) {
                    if (e.reason() != Reason.DP_UNREACHABLE) {
                        throw new InvocationTargetException(e);
                    }
                    warning.set(e.getMessage()); // stored; that DP gets them with its next dp-multicast
                } catch (ServiceUnavailableException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            return refuse(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse("Interrupted while saving.");
        } finally {
            saving = false;
        }
        stored = wanted;
        update();
        if (warning.get() != null) {
            return refuse(warning.get()); // stored: OK again closes the dialog
        }
        return true;
    }

    private boolean refuse(String reason) {
        message.setText(reason);
        update();
        return false;
    }

    // ---- for tests

    public boolean loaded() {
        return stored != null && !saving;
    }

    public String shownRule() {
        return rule.getText();
    }

    public String shownMessage() {
        return message.getText();
    }

    public List<Deployment> shownDeployments() {
        return List.copyOf(deployments);
    }

    public Button allowButton() {
        return allow;
    }

    public Button encryptButton() {
        return encrypt;
    }

    public Button onlyButton() {
        return only;
    }
}
