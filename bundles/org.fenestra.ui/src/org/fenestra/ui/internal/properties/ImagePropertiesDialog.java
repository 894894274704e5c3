package org.fenestra.ui.internal.properties;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.registry.Contribution;
import org.fenestra.ui.internal.registry.ExtensionPoints;

/**
 * An OS image's Properties dialog: one tab per {@code imagePropertyTabs} contribution (our
 * General tab among them). A tab that fails to load shows its error instead of its content;
 * the other tabs still work.
 */
public final class ImagePropertiesDialog extends Dialog {

    private final ImageSummary image;
    private final List<ImagePropertyTab> tabs = new ArrayList<>();
    private TabFolder folder;

    public ImagePropertiesDialog(Shell parent, ImageSummary image) {
        super(parent);
        this.image = image;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.bind(Messages.Properties_title, image.name()));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        folder = new TabFolder(area, SWT.TOP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (Contribution<ImagePropertyTab> contribution : ExtensionPoints.imagePropertyTabs(Platform.getExtensionRegistry())) {
            TabItem item = new TabItem(folder, SWT.NONE);
            item.setText(contribution.label());
            item.setData(contribution.id());
            item.setControl(createTab(contribution));
        }
        return area;
    }

    private Control createTab(Contribution<ImagePropertyTab> contribution) {
        try {
            ImagePropertyTab tab = contribution.newInstance();
            Control control = tab.createContents(folder, image);
            tabs.add(tab);
            return control;
        } catch (CoreException | RuntimeException e) {
            Label error = new Label(folder, SWT.WRAP);
            error.setText(Messages.Properties_tabFailed + "\n\n" + contribution.error(String.valueOf(e.getMessage()), e).getMessage());
            return error;
        }
    }

    @Override
    protected void okPressed() {
        for (ImagePropertyTab tab : tabs) {
            if (!tab.performOk()) {
                return;
            }
        }
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The tabs that loaded, in tab order (a tab that failed to load is not among them). */
    public List<ImagePropertyTab> tabs() {
        return List.copyOf(tabs);
    }

    /** The tab folder, for tests that check which tabs are shown. */
    public TabFolder tabFolder() {
        return folder;
    }
}
