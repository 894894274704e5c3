package org.fenestra.updates.ui.internal.tabs;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.fenestra.ui.api.ImageDetailsTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.ui.internal.UpdateTexts;
import org.fenestra.updates.ui.internal.UpdatesJob;
import org.fenestra.updates.ui.internal.UpdatesJob.Outcome;
import org.fenestra.updates.ui.internal.views.UpdateColumn;

/**
 * The Update Status tab of the OS Images view's details pane: for the selected image, the updates
 * that apply to it and are not applied yet (as the service's {@code applicable} decides), with
 * counts, and how many updates the image holds (found in it at import, applied since).
 */
public final class UpdateStatusTab implements ImageDetailsTab {

    private static final List<UpdateColumn> COLUMNS = List.of(UpdateColumn.ARTICLE, UpdateColumn.TITLE,
            UpdateColumn.CLASSIFICATION, UpdateColumn.ARCHITECTURE, UpdateColumn.RELEASE_DATE, UpdateColumn.DOWNLOADED);

    /** What the tab shows of one image. */
    private record Status(List<UpdatePackage> applicable, ImageUpdates installed) {
    }

    private Composite page;
    private Label summary;
    private TableViewer applicableViewer;
    private String shownImageId;

    @Override
    public Control createContents(Composite parent) {
        page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        summary = new Label(page, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        applicableViewer = Tables.create(page, SWT.MULTI);
        applicableViewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (UpdateColumn column : COLUMNS) {
            Tables.addColumn(applicableViewer, column.title(), column.width(), UpdatePackage.class, column::text);
        }
        applicableViewer.setInput(List.of());
        page.setData(UpdateStatusTab.class.getName(), this); // the pane holds only the control: lets tests reach the tab
        return page;
    }

    @Override
    public void show(List<ImageSummary> selection) {
        Job.getJobManager().cancel(this);
        if (selection.size() != 1) {
            shownImageId = null;
            applicableViewer.setInput(List.of());
            setSummary(selection.isEmpty() ? "Select an image to see the updates that apply to it."
                    : "Select one image (" + selection.size() + " are selected) to see the updates that apply to it.");
            return;
        }
        ImageSummary image = selection.get(0);
        shownImageId = image.id();
        setSummary("Reading the updates of " + image.name() + "...");
        new UpdatesJob<>("Read the update status of " + image.id(), this, page,
                (updates, progress) -> new Status(updates.applicable(image.id(), UpdateFilter.ALL),
                        updates.installedUpdates(image.id())),
                outcome -> show(image, outcome)).schedule();
    }

    private void show(ImageSummary image, Outcome<Status> outcome) {
        if (!image.id().equals(shownImageId) || outcome.cancelled()) {
            return; // another image was selected meanwhile
        }
        if (outcome.failure() != null) {
            applicableViewer.setInput(List.of());
            setSummary("The update status of " + image.name() + " cannot be read: " + UpdateTexts.error(outcome.failure()));
            return;
        }
        List<UpdatePackage> applicable = outcome.result().applicable();
        List<InstalledUpdate> installed = outcome.result().installed().installed();
        long downloaded = applicable.stream().filter(update -> update.state() == UpdateState.DOWNLOADED).count();
        long security = applicable.stream().filter(update -> update.classification().equalsIgnoreCase("Security Update")).count();
        long applied = installed.stream().filter(update -> update.origin() == InstalledUpdate.Origin.APPLIED).count();
        applicableViewer.setInput(applicable);
        setSummary(UpdateTexts.count(applicable.size(), "update") + " apply to " + image.name() + " and are not applied yet ("
                + security + " security, " + downloaded + " downloaded). Installed: "
                + (installed.size() - applied) + " found in the image, " + applied + " applied by Fenestra since. "
                + "OS build " + outcome.result().installed().osBuild() + ".");
    }

    private void setSummary(String text) {
        summary.setText(text);
        page.layout(true);
    }

    /** The summary line (for tests). */
    public String summary() {
        return summary.getText();
    }

    /** The applicable updates shown (for tests). */
    @SuppressWarnings("unchecked")
    public List<UpdatePackage> shownUpdates() {
        return (List<UpdatePackage>) applicableViewer.getInput();
    }

    @Override
    public void dispose() {
        Job.getJobManager().cancel(this);
    }
}
