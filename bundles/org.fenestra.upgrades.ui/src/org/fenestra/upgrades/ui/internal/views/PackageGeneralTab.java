package org.fenestra.upgrades.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.ui.api.FormRows;
import org.fenestra.ui.api.GeneralPropertiesEditor;
import org.fenestra.upgrades.ui.internal.UpgradeServices;

/**
 * An upgrade package's General tab: name, version and comment edited and saved on OK (as an image's
 * General tab saves them: {@link GeneralPropertiesEditor}), the rest of the catalog's record shown
 * read-only. A blank name, or one an image or another package has, keeps the dialog open with the reason.
 */
final class PackageGeneralTab {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final UpgradePackageRecord upgrade;
    private GeneralPropertiesEditor editor;

    PackageGeneralTab(UpgradePackageRecord upgrade) {
        this.upgrade = upgrade;
    }

    Composite createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        shown(page, "ID", upgrade.id());
        editor = new GeneralPropertiesEditor(page, new String[] {"Name:", "Version:", "Comment:"},
                new GeneralProperties(upgrade.name(), upgrade.version(), upgrade.comment()), "A name is required.");
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
        editor.addProblemLine(page, 2);
        return page;
    }

    /** Saves the edited fields; false (with the reason shown) when the catalog refuses them. */
    boolean performOk() {
        String id = upgrade.id();
        return editor.save((edited, monitor) -> UpgradeServices.catalog(monitor).updatePackage(id, edited));
    }

    /** The message shown when OK was refused; empty when none was. */
    String problem() {
        return editor.problem();
    }

    String packageId() {
        return upgrade.id();
    }

    /** The name, version and comment fields, for tests. */
    Text[] editedFields() {
        return editor.fields();
    }

    private static void shown(Composite page, String label, String value) {
        FormRows.readOnly(page, label + ":", value);
    }
}
