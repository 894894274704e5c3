package org.fenestra.upgrades.ui.internal.views;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.fenestra.catalog.api.UpgradePackageRecord;

/**
 * An upgrade package's Properties: the General tab (name, version and comment edited, saved on OK), then servicing's
 * Servicing tab and updates' Installed Updates tab, which read the package's install.wim by its ID.
 */
final class PackagePropertiesDialog extends Dialog {

    private static final int WIDTH = 760;
    private final UpgradePackageRecord upgrade;
    private final PackageGeneralTab general;
    private final List<ServicingContributions.Tab> tabs = ServicingContributions.propertyTabs();
    private TabFolder folder;

    PackagePropertiesDialog(Shell parent, UpgradePackageRecord upgrade) {
        super(parent);
        this.upgrade = upgrade;
        this.general = new PackageGeneralTab(upgrade);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(upgrade.name() + " Properties");
    }

    /** 760 pixels wide (long stored paths are cut, not widening it) and as tall as the General tab needs. */
    @Override
    protected Point getInitialSize() {
        return new Point(WIDTH, Math.max(560, getShell().computeSize(WIDTH, SWT.DEFAULT, true).y));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        folder = new TabFolder(area, SWT.TOP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TabItem generalItem = new TabItem(folder, SWT.NONE);
        generalItem.setText("General");
        generalItem.setControl(general.createContents(folder));
        for (ServicingContributions.Tab tab : tabs) {
            TabItem item = new TabItem(folder, SWT.NONE);
            item.setText(tab.label());
            item.setControl(tab.tab().createContents(folder, UpgradePackagesView.summaryOf(upgrade)));
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        if (!general.performOk()) {
            return;
        }
        for (ServicingContributions.Tab tab : tabs) {
            if (!tab.tab().performOk()) {
                return;
            }
        }
        super.okPressed();
    }

    /** The General tab, for tests. */
    PackageGeneralTab general() {
        return general;
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
