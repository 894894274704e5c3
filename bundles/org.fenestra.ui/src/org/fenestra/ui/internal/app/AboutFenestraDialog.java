package org.fenestra.ui.internal.app;

import java.util.Arrays;
import java.util.Comparator;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.fenestra.ui.internal.Messages;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Help › About Fenestra: the product's version, the Java and OS it runs on, and every bundle
 * installed with its version and state (Fenestra's own first), which support asks for.
 */
public final class AboutFenestraDialog extends Dialog {

    private Table bundles;

    public AboutFenestraDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.About_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The product's version: that of the workbench bundle, which every Fenestra build stamps. */
    public static String productVersion() {
        return FrameworkUtil.getBundle(AboutFenestraDialog.class).getVersion().toString();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label title = new Label(area, SWT.NONE);
        title.setText(Messages.bind(Messages.About_product, productVersion()));
        title.setFont(JFaceResources.getHeaderFont());
        Label runtime = new Label(area, SWT.WRAP);
        runtime.setText(Messages.bind(Messages.About_runtime, new Object[] { System.getProperty("java.vendor"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch") }));
        Label note = new Label(area, SWT.WRAP);
        note.setText(Messages.About_description);
        new Label(area, SWT.NONE).setText(Messages.About_bundles);

        bundles = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        bundles.setHeaderVisible(true);
        bundles.setLinesVisible(true);
        for (String column : new String[] { Messages.About_bundleName, Messages.About_bundleVersion,
                Messages.About_bundleState }) {
            new TableColumn(bundles, SWT.LEFT).setText(column);
        }
        Bundle[] installed = Platform.getBundle("org.fenestra.ui").getBundleContext().getBundles();
        Arrays.stream(installed)
                .sorted(Comparator.comparing((Bundle b) -> !b.getSymbolicName().startsWith("org.fenestra."))
                        .thenComparing(Bundle::getSymbolicName))
                .forEach(bundle -> new TableItem(bundles, SWT.NONE).setText(new String[] {
                        bundle.getSymbolicName(), bundle.getVersion().toString(), state(bundle) }));
        bundles.deselectAll();
        for (TableColumn column : bundles.getColumns()) {
            column.pack();
        }
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 300;
        tableData.widthHint = 620;
        bundles.setLayoutData(tableData);
        return area;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> Messages.About_stateActive;
            case Bundle.RESOLVED -> Messages.About_stateResolved;
            case Bundle.STARTING -> Messages.About_stateStarting;
            case Bundle.INSTALLED -> Messages.About_stateInstalled;
            default -> Integer.toString(bundle.getState());
        };
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }

    /** The bundles listed: "name version" per row (for tests). */
    public java.util.List<String> bundleRows() {
        return Arrays.stream(bundles.getItems()).map(item -> item.getText(0) + " " + item.getText(1)).toList();
    }
}
