package org.fenestra.updates.ui.internal.tabs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.ui.internal.UpdateTexts;
import org.fenestra.updates.ui.internal.UpdatesJob;
import org.fenestra.updates.ui.internal.UpdatesJob.Outcome;

/**
 * The Installed Updates tab of an image's Properties: the packages the image held when it was
 * imported (read from its own {@code Windows/servicing/Packages}) and those Fenestra applied since.
 */
public final class InstalledUpdatesTab implements ImagePropertyTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private Composite page;
    private Label summary;
    private TableViewer installedViewer;

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        summary = new Label(page, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setText("Reading the updates installed in " + image.name() + "...");
        installedViewer = Tables.create(page, SWT.SINGLE);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 200;
        installedViewer.getTable().setLayoutData(tableData);
        Tables.addColumn(installedViewer, "Article ID", 90, InstalledUpdate.class, InstalledUpdate::articleId);
        Tables.addColumn(installedViewer, "Release Type", 110, InstalledUpdate.class, InstalledUpdate::releaseType);
        Tables.addColumn(installedViewer, "Origin", 130, InstalledUpdate.class, update -> origin(update.origin()));
        Tables.addColumn(installedViewer, "Recorded", 120, InstalledUpdate.class, update -> TIME.format(update.recordedAt()));
        Tables.addColumn(installedViewer, "Package Identity", 360, InstalledUpdate.class, update -> update.identity().text());
        installedViewer.setInput(List.of());
        UpdatesJob<ImageUpdates> job = new UpdatesJob<>("Read the installed updates of " + image.id(), this, page,
                (updates, progress) -> updates.installedUpdates(image.id()), outcome -> show(image, outcome));
        job.schedule();
        page.addDisposeListener(event -> job.cancel());
        return page;
    }

    private void show(ImageSummary image, Outcome<ImageUpdates> outcome) {
        if (outcome.cancelled()) {
            return;
        }
        if (outcome.failure() != null) {
            summary.setText("The installed updates of " + image.name() + " cannot be read: " + UpdateTexts.error(outcome.failure()));
        } else {
            ImageUpdates read = outcome.result();
            long applied = read.installed().stream().filter(update -> update.origin() == InstalledUpdate.Origin.APPLIED).count();
            installedViewer.setInput(read.installed());
            summary.setText("OS build " + read.osBuild() + ", " + read.architecture() + ". "
                    + UpdateTexts.count((int) (read.installed().size() - applied), "package") + " found in the image (read "
                    + TIME.format(read.scannedAt()) + "), " + applied + " applied by Fenestra since.");
        }
        page.layout(true);
    }

    private static String origin(InstalledUpdate.Origin origin) {
        return switch (origin) {
            case IN_IMAGE -> "In image at import";
            case APPLIED -> "Applied by Fenestra";
        };
    }

    /** The summary line (for tests). */
    public String summary() {
        return summary.getText();
    }

    /** The installed updates shown (for tests). */
    @SuppressWarnings("unchecked")
    public List<InstalledUpdate> shownUpdates() {
        return (List<InstalledUpdate>) installedViewer.getInput();
    }
}
