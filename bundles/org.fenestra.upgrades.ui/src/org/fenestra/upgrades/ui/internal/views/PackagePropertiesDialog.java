package org.fenestra.upgrades.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.UpgradePackageRecord;

/**
 * An upgrade package's Properties: a read-only General tab with what the catalog keeps, then servicing's
 * Servicing tab and updates' Installed Updates tab, which read the package's install.wim by its ID.
 */
final class PackagePropertiesDialog extends Dialog {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());
    private final UpgradePackageRecord upgrade;
    private final List<ServicingContributions.Tab> tabs = ServicingContributions.propertyTabs();
    private TabFolder folder;

    PackagePropertiesDialog(Shell parent, UpgradePackageRecord upgrade) {
        super(parent);
        this.upgrade = upgrade;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(upgrade.name() + " Properties");
        shell.setSize(760, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        folder = new TabFolder(area, SWT.TOP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TabItem general = new TabItem(folder, SWT.NONE);
        general.setText("General");
        general.setControl(general(folder));
        for (ServicingContributions.Tab tab : tabs) {
            TabItem item = new TabItem(folder, SWT.NONE);
            item.setText(tab.label());
            item.setControl(tab.tab().createContents(folder, UpgradePackagesView.summaryOf(upgrade)));
        }
        return area;
    }

    private Composite general(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        row(page, "ID", upgrade.id());
        row(page, "Name", upgrade.name());
        row(page, "Version", upgrade.version());
        row(page, "Comment", upgrade.comment());
        row(page, "Source path", upgrade.sourcePath());
        row(page, "Stored folder", upgrade.storedFolder());
        row(page, "Files", upgrade.fileCount() + " (" + ByteSize.text(upgrade.folderBytes()) + ")");
        row(page, "Serviced image", upgrade.installWim() + ", index " + upgrade.imageIndex());
        row(page, "OS version", upgrade.osVersion());
        row(page, "Edition", upgrade.osEdition());
        row(page, "Architecture", upgrade.architecture().name().toLowerCase(Locale.ROOT));
        row(page, "Language", upgrade.language());
        row(page, "Date added", DATE_TIME.format(upgrade.dateAdded()) + " by " + upgrade.addedBy());
        row(page, "Content version", Integer.toString(upgrade.contentVersion()));
        return page;
    }

    private static void row(Composite page, String label, String value) {
        new Label(page, SWT.NONE).setText(label + ":");
        Text text = new Text(page, SWT.READ_ONLY);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The tab labels, for tests. */
    List<String> tabLabels() {
        return java.util.Arrays.stream(folder.getItems()).map(TabItem::getText).toList();
    }

    void select(String label) {
        for (TabItem item : folder.getItems()) {
            if (item.getText().equals(label)) {
                folder.setSelection(item);
            }
        }
    }
}
