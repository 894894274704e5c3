package org.fenestra.updates.ui.internal.views;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a new update source: a local folder or a UNC path, and an optional name. Whether the
 * folder exists and can be read is checked by the service (in a job: a share may be slow), not here.
 */
final class AddSourceDialog extends TitleAreaDialog {

    static final String TITLE = "Add Update Source";

    private Text pathText;
    private Text nameText;
    private String path = "";
    private String name = "";

    AddSourceDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(TITLE);
        setMessage("A folder where update packages (.msu, .cab, .fpkg) are dropped: a local path or \\\\server\\share\\folder.");
        Composite fields = new Composite(area, SWT.NONE);
        fields.setLayout(new GridLayout(3, false));
        fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(fields, SWT.NONE).setText("Path:");
        pathText = new Text(fields, SWT.BORDER);
        pathText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pathText.addListener(SWT.Modify, event -> validate());
        Button browse = new Button(fields, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, event -> browse());
        new Label(fields, SWT.NONE).setText("Name:");
        nameText = new Text(fields, SWT.BORDER);
        nameText.setMessage("the folder's name");
        nameText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Add", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void browse() {
        DirectoryDialog chooser = new DirectoryDialog(getShell());
        chooser.setText(TITLE);
        String chosen = chooser.open();
        if (chosen != null) {
            pathText.setText(chosen);
        }
    }

    private void validate() {
        Button add = getButton(IDialogConstants.OK_ID);
        boolean valid = !pathText.getText().isBlank();
        if (add != null) {
            add.setEnabled(valid);
        }
    }

    @Override
    protected void okPressed() {
        path = pathText.getText().strip();
        name = nameText.getText().strip();
        super.okPressed();
    }

    /** The path entered (after OK). */
    String path() {
        return path;
    }

    /** The name entered, empty for the folder's own name (after OK). */
    String name() {
        return name;
    }
}
