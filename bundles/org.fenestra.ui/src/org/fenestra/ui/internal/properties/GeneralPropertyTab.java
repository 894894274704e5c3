package org.fenestra.ui.internal.properties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.FormRows;
import org.fenestra.ui.api.GeneralPropertiesEditor;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * The General tab: the image's full catalog record and the facts its own registry gave at import,
 * read in a job when the dialog opens (the tab says "Loading" until then). Name, version and comment are edited here and saved on OK,
 * off the UI thread with a busy cursor; a refused save (a name another image has, a blank
 * name, the catalog unreachable) keeps the dialog open with the reason.
 */
public final class GeneralPropertyTab implements ImagePropertyTab {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final WorkbenchServices services = WorkbenchServices.of();
    private Composite page;
    private Label loading;
    private volatile OsImageRecord record;
    private GeneralPropertiesEditor editor;

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        loading = new Label(page, SWT.WRAP);
        loading.setText(Messages.General_loading);
        loading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Job load = Job.create(Messages.bind(Messages.General_loadJob, image.id()), (IProgressMonitor monitor) -> {
            try {
                OsImageRecord read = services.requireCatalog().get(image.id());
                ImageFacts facts = services.requireCatalog().facts(image.id());
                UiThread.updateLater(page, () -> showRecord(read, facts));
            } catch (CatalogException e) {
                UiThread.updateLater(page, () -> loading.setText(
                        Messages.General_cannotRead + "\n\n" + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        load.setSystem(true);
        load.schedule();
        return page;
    }

    /** Whether the record has been read and its fields are shown. */
    public boolean isLoaded() {
        return editor != null;
    }

    private void showRecord(OsImageRecord read, ImageFacts facts) {
        record = read;
        loading.dispose();
        Composite editable = grid(page, null);
        field(editable, Messages.General_imageId, record.id());
        editor = new GeneralPropertiesEditor(editable, new String[] {Messages.General_name, Messages.General_version,
                Messages.General_comment}, record.generalProperties(), Messages.General_nameRequired);

        Composite os = grid(page, Messages.General_imageGroup);
        field(os, Messages.General_osVersion, record.osVersion());
        field(os, Messages.General_edition, record.osEdition());
        field(os, Messages.General_architecture, record.architecture().name().toLowerCase(Locale.ROOT));
        field(os, Messages.General_language, record.language());
        field(os, Messages.General_imageIndex, IndexText.of(record));
        field(os, Messages.General_size, ByteSize.text(record.sizeBytes()) + " ("
                + String.format("%,d", record.sizeBytes()) + " " + Messages.General_bytes + ")");
        field(os, Messages.General_contentVersion, Integer.toString(record.contentVersion()));

        Composite windows = grid(page, Messages.General_windowsGroup);
        field(windows, Messages.General_productName, ImageFacts.shown(facts.productName()));
        field(windows, Messages.General_editionId, ImageFacts.shown(facts.editionId()));
        field(windows, Messages.General_installationType, ImageFacts.shown(facts.installationType()));
        field(windows, Messages.General_build, facts.buildText());
        field(windows, Messages.General_displayVersion, ImageFacts.shown(facts.displayVersion()));
        field(windows, Messages.General_languages, ImageFacts.shown(String.join(", ", facts.languages())));

        Composite origin = grid(page, Messages.General_sourceGroup);
        field(origin, Messages.General_importedFrom, record.sourcePath());
        field(origin, Messages.General_storedImage, record.storedPath());
        field(origin, Messages.General_dateAdded, when(record.dateAdded()));
        field(origin, Messages.General_licenseAcceptedBy, record.eulaAcceptance().user() + ", "
                + when(record.eulaAcceptance().acceptedAt()));

        editor.addProblemLine(page, 1);
        Shell shell = page.getShell();
        shell.layout(true, true);
        org.eclipse.swt.graphics.Point wanted = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        shell.setSize(Math.max(shell.getSize().x, wanted.x), Math.max(shell.getSize().y, wanted.y));
    }

    @Override
    public boolean performOk() {
        if (record == null) {
            return true; // nothing was shown, nothing to save
        }
        String id = record.id();
        return editor.save((edited, monitor) -> record = services.requireCatalog().update(id, edited));
    }

    /** The message shown when OK was refused; empty when none was. */
    public String problem() {
        return editor == null ? "" : editor.problem();
    }

    private static Composite grid(Composite page, String title) {
        Composite grid = title == null ? new Composite(page, SWT.NONE) : new Group(page, SWT.NONE);
        if (grid instanceof Group group) {
            group.setText(title);
        }
        grid.setLayout(new GridLayout(2, false));
        grid.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return grid;
    }

    private static void field(Composite grid, String label, String value) {
        FormRows.readOnly(grid, label, value);
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
