package org.fenestra.ui.internal.properties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.catalog.CatalogService;
import org.fenestra.ui.internal.views.ByteSizes;

/**
 * The General tab: the image's full catalog record, read when the dialog opens. Name, version
 * and comment are edited here and saved to the catalog on OK; a refused save (a name another
 * image has, a blank name, the catalog unreachable) keeps the dialog open with the reason.
 */
public final class GeneralPropertyTab implements ImagePropertyTab {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private OsImageRecord record;
    private Text name;
    private Text version;
    private Text comment;
    private Label problem;

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        try {
            record = CatalogService.call(catalog -> catalog.get(image.id()));
        } catch (CatalogException e) {
            Label error = new Label(page, SWT.WRAP);
            error.setText("The image's record cannot be read from the site catalog.\n\n" + e.getMessage());
            error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            return page;
        }

        Composite editable = grid(page, null);
        field(editable, "Image ID:", record.id());
        name = editableField(editable, "Name:", record.name(), SWT.SINGLE);
        version = editableField(editable, "Version:", record.version(), SWT.SINGLE);
        comment = editableField(editable, "Comment:", record.comment(), SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = comment.getLineHeight() * 3;

        Composite os = grid(page, "Image");
        field(os, "OS version:", record.osVersion());
        field(os, "Edition:", record.osEdition());
        field(os, "Architecture:", record.architecture().name().toLowerCase(java.util.Locale.ROOT));
        field(os, "Language:", record.language());
        field(os, "Image index:", Integer.toString(record.imageIndex()));
        field(os, "Size:", ByteSizes.format(record.sizeBytes()) + " (" + String.format("%,d", record.sizeBytes()) + " bytes)");
        field(os, "Content version:", Integer.toString(record.contentVersion()));

        Composite origin = grid(page, "Source");
        field(origin, "Imported from:", record.sourcePath());
        field(origin, "Stored image:", record.storedPath());
        field(origin, "Date added:", when(record.dateAdded()));
        field(origin, "License accepted by:", record.eulaAcceptance().user() + ", " + when(record.eulaAcceptance().acceptedAt()));

        problem = new Label(page, SWT.WRAP);
        problem.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData wrapped = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrapped.widthHint = 300; // wrap at the dialog's width instead of widening it
        problem.setLayoutData(wrapped);
        return page;
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
            return refuse("Enter a name for the image.");
        }
        if (edited.equals(record.generalProperties())) {
            return true;
        }
        try {
            record = CatalogService.call((ImageCatalog catalog) -> catalog.update(record.id(), edited));
            return true;
        } catch (CatalogException e) {
            return refuse(e.getMessage());
        }
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
