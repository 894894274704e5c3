package org.fenestra.upgrades.ui.internal.views;

import java.lang.reflect.InvocationTargetException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.upgrades.ui.internal.UpgradeServices;

/**
 * An upgrade package's General tab: name, version and comment edited and saved on OK (off the UI
 * thread with a busy cursor, as an image's General tab saves), the rest of the catalog's record shown
 * read-only. A refused save (a blank name, a name an image or another package has, the catalog
 * unreachable) keeps the dialog open with the reason.
 */
final class PackageGeneralTab {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private UpgradePackageRecord upgrade;
    private Text name;
    private Text version;
    private Text comment;
    private Label problem;

    PackageGeneralTab(UpgradePackageRecord upgrade) {
        this.upgrade = upgrade;
    }

    Composite createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        shown(page, "ID", upgrade.id());
        name = edited(page, "Name", upgrade.name(), SWT.SINGLE);
        version = edited(page, "Version", upgrade.version(), SWT.SINGLE);
        comment = edited(page, "Comment", upgrade.comment(), SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = comment.getLineHeight() * 3;
        shown(page, "Source path", upgrade.sourcePath());
        shown(page, "Stored folder", upgrade.storedFolder());
        shown(page, "Files", upgrade.fileCount() + " (" + ByteSize.text(upgrade.folderBytes()) + ")");
        shown(page, "Serviced image", upgrade.installWim() + ", index " + upgrade.imageIndex());
        shown(page, "OS version", upgrade.osVersion());
        shown(page, "Edition", upgrade.osEdition());
        shown(page, "Architecture", upgrade.architecture().name().toLowerCase(Locale.ROOT));
        shown(page, "Language", upgrade.language());
        shown(page, "Date added", DATE_TIME.format(upgrade.dateAdded()) + " by " + upgrade.addedBy());
        shown(page, "Content version", Integer.toString(upgrade.contentVersion()));
        problem = new Label(page, SWT.WRAP);
        problem.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData wrapped = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wrapped.widthHint = 300; // wrap at the dialog's width instead of widening it
        problem.setLayoutData(wrapped);
        return page;
    }

    /** Saves the edited fields; false (with the reason shown) when the catalog refuses them. */
    boolean performOk() {
        GeneralProperties edited;
        try {
            edited = new GeneralProperties(name.getText().strip(), version.getText().strip(), comment.getText().strip());
        } catch (IllegalArgumentException e) {
            return refuse("A name is required.");
        }
        if (edited.equals(new GeneralProperties(upgrade.name(), upgrade.version(), upgrade.comment()))) {
            return true;
        }
        String id = upgrade.id();
        AtomicReference<UpgradePackageRecord> saved = new AtomicReference<>();
        try {
            // the event loop keeps running while the catalog saves in another thread
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(monitor -> {
                try {
                    saved.set(UpgradeServices.catalog(monitor).updatePackage(id, edited));
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
        upgrade = saved.get();
        return true;
    }

    /** The message shown when OK was refused; empty when none was. */
    String problem() {
        return problem.getText();
    }

    String packageId() {
        return upgrade.id();
    }

    /** The name, version and comment fields, for tests. */
    Text[] editedFields() {
        return new Text[] {name, version, comment};
    }

    private boolean refuse(String reason) {
        problem.setText(reason);
        Shell shell = problem.getShell();
        int needed = shell.computeSize(shell.getSize().x, SWT.DEFAULT, true).y;
        if (needed > shell.getSize().y) {
            shell.setSize(shell.getSize().x, needed);
        }
        shell.layout(true, true);
        name.setFocus();
        return false;
    }

    private static void shown(Composite page, String label, String value) {
        new Label(page, SWT.NONE).setText(label + ":");
        Text text = new Text(page, SWT.READ_ONLY);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private static Text edited(Composite page, String label, String value, int style) {
        new Label(page, SWT.NONE).setText(label + ":");
        Text text = new Text(page, SWT.BORDER | style);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }
}
