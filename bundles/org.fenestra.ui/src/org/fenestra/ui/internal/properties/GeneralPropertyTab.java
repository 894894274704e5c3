package org.fenestra.ui.internal.properties;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

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
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
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
    private Text name;
    private Text version;
    private Text comment;
    private Label problem;

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
        return name != null;
    }

    private void showRecord(OsImageRecord read, ImageFacts facts) {
        record = read;
        loading.dispose();
        Composite editable = grid(page, null);
        field(editable, Messages.General_imageId, record.id());
        name = editableField(editable, Messages.General_name, record.name(), SWT.SINGLE);
        version = editableField(editable, Messages.General_version, record.version(), SWT.SINGLE);
        comment = editableField(editable, Messages.General_comment, record.comment(), SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = comment.getLineHeight() * 3;

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

        problem = new Label(page, SWT.WRAP);
        problem.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData wrapped = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrapped.widthHint = 300; // wrap at the dialog's width instead of widening it
        problem.setLayoutData(wrapped);
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
        GeneralProperties edited;
        try {
            edited = new GeneralProperties(name.getText().strip(), version.getText().strip(), comment.getText().strip());
        } catch (IllegalArgumentException e) {
            return refuse(Messages.General_nameRequired);
        }
        if (edited.equals(record.generalProperties())) {
            return true;
        }
        String id = record.id();
        AtomicReference<OsImageRecord> saved = new AtomicReference<>();
        try {
            // The event loop keeps running while the catalog saves in another thread.
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(monitor -> {
                try {
                    saved.set(services.requireCatalog().update(id, edited));
                } catch (CatalogException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            return refuse(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        record = saved.get();
        return true;
    }

    private boolean refuse(String reason) {
        problem.setText(reason);
        Shell shell = problem.getShell();
        int needed = shell.computeSize(shell.getSize().x, SWT.DEFAULT).y;
        if (needed > shell.getSize().y) {
            shell.setSize(shell.getSize().x, needed);
        }
        shell.layout(true, true);
        name.setFocus();
        return false;
    }

    /** The message shown when OK was refused; empty when none was. */
    public String problem() {
        return problem == null ? "" : problem.getText();
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
        new Label(grid, SWT.NONE).setText(label);
        Text text = new Text(grid, SWT.READ_ONLY);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private static Text editableField(Composite grid, String label, String value, int style) {
        new Label(grid, SWT.NONE).setText(label);
        Text text = new Text(grid, SWT.BORDER | style);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
