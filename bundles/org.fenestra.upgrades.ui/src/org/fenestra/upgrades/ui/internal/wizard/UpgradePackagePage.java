package org.fenestra.upgrades.ui.internal.wizard;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.content.api.UpgradePackageRequest;

/** The one page: where the setup media are and what to call the package. */
final class UpgradePackagePage extends WizardPage {

    private Text path;
    private Text name;
    private Text version;
    private Text comment;

    UpgradePackagePage() {
        super("upgradePackage");
        setTitle("Data Source and General");
        setDescription("The setup media folder (holding setup.exe and sources\\install.wim), local or \\\\server\\share\\folder;"
                + " the whole folder is copied into the site.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        path = field(page, "Path:", 1);
        path.setMessage("C:\\media\\Win11_23H2 or \\\\server\\share\\Win11_23H2");
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setMessage("The setup media folder");
            String chosen = dialog.open();
            if (chosen != null) {
                path.setText(chosen);
            }
        });
        name = field(page, "Name:", 2);
        name.setMessage("the folder's name when empty");
        version = field(page, "Version:", 2);
        comment = field(page, "Comment:", 2);
        path.addModifyListener(event -> validate());
        setControl(page);
    }

    private static Text field(Composite page, String label, int span) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return text;
    }

    private void validate() {
        boolean given = !path.getText().isBlank();
        setErrorMessage(given ? null : "Give the setup media folder");
        setPageComplete(given);
    }

    UpgradePackageRequest request(String addedBy) {
        return new UpgradePackageRequest(path.getText().strip(), name.getText(), version.getText(), comment.getText(), 0,
                addedBy);
    }
}
