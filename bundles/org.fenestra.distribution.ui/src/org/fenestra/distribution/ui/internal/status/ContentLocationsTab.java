package org.fenestra.distribution.ui.internal.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DpValidation;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.ContentChanges;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;
import org.fenestra.ui.api.UiThread;

/**
 * Content Locations in an image's Properties: the image's state on every DP it was distributed
 * to, with Redistribute and Validate for the DPs selected (Validate: all when none is). Both run
 * as Jobs; a redistribution's progress shows in its row, a validation's findings below the table.
 */
public final class ContentLocationsTab implements ImagePropertyTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private ImageSummary image;
    private TableViewer viewer;
    private List<ContentStatus> statuses = new ArrayList<>();
    private Button redistribute;
    private Button validate;
    private Button refresh;
    private Text findings;
    private int running;
    private ContentChanges.Subscription subscription;

    @Override
    public Control createContents(Composite parent, ImageSummary shown) {
        image = shown;
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout());
        viewer = new TableViewer(area, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 110;
        viewer.getTable().setLayoutData(tableData);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Distribution Point", 150, ContentStatus::dpName);
        column("Status", 330, status -> status.describe().replace('\n', ' '));
        column("Updated", 140, status -> TIME.format(status.updatedAt()));
        viewer.setInput(statuses);

        Composite buttons = new Composite(area, SWT.NONE);
        buttons.setLayout(new RowLayout());
        redistribute = button(buttons, "&Redistribute", this::redistributeSelected);
        validate = button(buttons, "&Validate", this::validateSelected);
        refresh = button(buttons, "Re&fresh", this::reload);
        viewer.addSelectionChangedListener(event -> enableButtons());

        findings = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData findingsData = new GridData(SWT.FILL, SWT.FILL, true, false);
        findingsData.heightHint = 110;
        findingsData.widthHint = 560;
        findings.setLayoutData(findingsData);
        subscription = ContentChanges.subscribe(() -> UiThread.updateLater(area, this::reload));
        area.addDisposeListener(event -> subscription.close());
        reload();
        return area;
    }

    private void column(String title, int width, Function<ContentStatus, String> text) {
        Tables.addColumn(viewer, title, width, ContentStatus.class, text);
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> action.run()));
        return button;
    }

    private void enableButtons() {
        boolean idle = running == 0;
        redistribute.setEnabled(idle && !selectedDps().isEmpty());
        validate.setEnabled(idle && !statuses.isEmpty());
        refresh.setEnabled(idle);
    }

    /** Reads the image's status on every DP (a Job). */
    public void reload() {
        startWork("Reading content status of " + image.name(),
                monitor -> DistributionServices.distribution().status(image.id()), loaded -> {
                    statuses = new ArrayList<>(loaded);
                    viewer.setInput(statuses);
                }, null);
    }

    private void redistributeSelected() {
        List<String> dps = selectedDps();
        findings.setText("");
        startWork("Redistributing " + image.name(), monitor -> {
            ContentDistribution distribution = DistributionServices.distribution();
            monitor.beginTask("Redistributing " + image.name(), dps.size());
            List<ContentStatus> results = new ArrayList<>();
            for (String dp : dps) {
                if (monitor.isCanceled()) {
                    break;
                }
                monitor.subTask(dp);
                results.add(distribution.redistribute(image.id(), dp, new DistributionListener() {
                    @Override
                    public void statusChanged(ContentStatus status) {
                        UiThread.updateLater(viewer.getControl(), () -> showInRow(status));
                    }

                    @Override
                    public boolean isCancelled() {
                        return monitor.isCanceled();
                    }
                }));
                monitor.worked(1);
            }
            return results;
        }, results -> findings.setText(results.stream().map(s -> s.dpName() + ": " + s.describe())
                .reduce((a, b) -> a + "\n" + b).orElse("")), ContentChanges::changed);
    }

    private void validateSelected() {
        List<String> dps = selectedDps();
        findings.setText("Validating…");
        startWork("Validating " + image.name(), monitor -> DistributionServices.distribution().validate(image.id(), dps),
                validations -> findings.setText(describe(validations)), ContentChanges::changed);
    }

    private static String describe(List<DpValidation> validations) {
        List<String> lines = new ArrayList<>();
        for (DpValidation validation : validations) {
            lines.add(validation.dpName() + ": " + (validation.valid() ? "every file is intact"
                    : "damaged\n  " + validation.report().strip().replace("\n", "\n  ")));
        }
        return lines.isEmpty() ? "No distribution point holds this image." : String.join("\n", lines);
    }

    /** Runs {@code work} as a Job with the buttons off meanwhile; {@code after} runs once it ended either way. */
    private <T> void startWork(String name, Background.Work<T> work, java.util.function.Consumer<T> done, Runnable after) {
        running++;
        enableButtons();
        Background.run(name, viewer.getControl(), work, result -> {
            running--;
            done.accept(result);
            enableButtons();
            if (after != null) {
                after.run();
            }
        }, message -> {
            running--;
            findings.setText(message);
            enableButtons();
            if (after != null) {
                after.run();
            }
        });
    }

    private void showInRow(ContentStatus status) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).dpName().equals(status.dpName())) {
                statuses.set(i, status);
            }
        }
        viewer.refresh();
    }

    private List<String> selectedDps() {
        return viewer.getStructuredSelection().toList().stream().map(s -> ((ContentStatus) s).dpName()).toList();
    }

    // ---- for tests

    public List<ContentStatus> shownStatuses() {
        return List.copyOf(statuses);
    }

    public String shownFindings() {
        return findings.getText();
    }

    public boolean idle() {
        return running == 0;
    }

    public TableViewer viewer() {
        return viewer;
    }

    public Button redistributeButton() {
        return redistribute;
    }

    public Button validateButton() {
        return validate;
    }
}
