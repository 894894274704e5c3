package org.fenestra.distribution.ui.internal.status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.ContentChanges;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.ui.api.ImageDetailsTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;

/**
 * Content Status in the OS Images view's details pane: over the selected images' DPs, how many
 * are Installed, In Progress, Waiting and Failed (Configuration Manager's Content Status tab).
 */
public final class ContentStatusDetailsTab implements ImageDetailsTab {

    private static final List<State> ORDER = List.of(State.INSTALLED, State.IN_PROGRESS, State.WAITING, State.FAILED);

    private Composite area;
    private Label heading;
    private final Map<State, Label> counts = new EnumMap<>(State.class);
    private Label failures;
    private List<ImageSummary> selection = List.of();
    private Job loading;
    private ContentChanges.Subscription subscription;

    @Override
    public Control createContents(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        area.setData(this); // the pane hands out its tabs' controls; tests reach the tab through it
        heading = new Label(area, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        for (State state : ORDER) {
            new Label(area, SWT.NONE).setText(StateCounts.label(state) + ":");
            Label count = new Label(area, SWT.NONE);
            count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            counts.put(state, count);
        }
        failures = new Label(area, SWT.WRAP);
        failures.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        subscription = ContentChanges.subscribe(() -> UiThread.updateLater(area, () -> show(selection)));
        show(List.of());
        return area;
    }

    @Override
    public void show(List<ImageSummary> images) {
        selection = List.copyOf(images);
        if (loading != null) {
            loading.cancel();
        }
        if (images.isEmpty()) {
            showCounts("Select an image to see where its content is.", List.of());
            return;
        }
        List<ImageSummary> asked = selection;
        loading = Background.run("Reading content status", area, monitor -> {
            ContentDistribution distribution = DistributionServices.distribution();
            List<ContentStatus> all = new ArrayList<>();
            for (ImageSummary image : asked) {
                all.addAll(distribution.status(image.id()));
            }
            return all;
        }, statuses -> {
            if (asked.equals(selection)) { // an answer for an earlier selection is dropped
                showCounts(heading(asked, statuses), statuses);
            }
        }, message -> showCounts(message, List.of()));
    }

    private static String heading(List<ImageSummary> images, List<ContentStatus> statuses) {
        String subject = images.size() == 1 ? images.get(0).name() : images.size() + " images";
        return statuses.isEmpty() ? subject + " is on no distribution point."
                : subject + ": content on " + statuses.stream().map(ContentStatus::dpName).distinct().count()
                        + " distribution point(s)";
    }

    private void showCounts(String headline, List<ContentStatus> statuses) {
        heading.setText(headline);
        StateCounts tally = StateCounts.of(statuses);
        counts.forEach((state, label) -> label.setText(Integer.toString(tally.count(state))));
        failures.setText(String.join("\n", statuses.stream().filter(s -> s.state() == State.FAILED)
                .map(s -> s.dpName() + ": " + String.join("; ", s.reason().lines().map(String::strip)
                        .filter(line -> !line.isEmpty()).toList())).toList()));
        area.layout(true, true);
    }

    /** The count shown for {@code state}, for tests. */
    public String shownCount(State state) {
        return counts.get(state).getText();
    }

    public String shownHeading() {
        return heading.getText();
    }

    public String shownFailures() {
        return failures.getText();
    }

    @Override
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        if (loading != null) {
            loading.cancel();
        }
    }
}
