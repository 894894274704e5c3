package org.fenestra.ui.internal.addimage;


import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** General: name (default: the file name without extension; unique), version and comment. */
final class GeneralPage extends WizardPage {

    private final AddImageSettings settings;
    private Text name;
    private Text version;
    private Text comment;
    private String defaultedFor;

    GeneralPage(AddImageSettings settings) {
        super("general", "General", null);
        this.settings = settings;
        setDescription("Name the operating system image");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        name = field(page, "Name:", SWT.BORDER);
        version = field(page, "Version:", SWT.BORDER);
        comment = field(page, "Comment:", SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = 80;
        name.addListener(SWT.Modify, event -> validate());
        version.addListener(SWT.Modify, event -> validate());
        comment.addListener(SWT.Modify, event -> validate());
        setControl(page);
    }

    private static Text field(Composite page, String label, int style) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, style);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible && !settings.sourcePath.equals(defaultedFor)) {
            // A new source gets a new default name, unless the admin typed one for it.
            // the last name of a local or UNC path (\\server\share\dir\install.wim)
            String source = settings.sourcePath;
            String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
            int dot = file.lastIndexOf('.');
            name.setText(dot > 0 ? file.substring(0, dot) : file);
            defaultedFor = settings.sourcePath;
        }
        super.setVisible(visible);
        validate();
    }

    private void validate() {
        boolean named = !name.getText().isBlank();
        setErrorMessage(named ? null : "The image needs a name.");
        settings.name = name.getText().strip();
        settings.version = version.getText().strip();
        settings.comment = comment.getText();
        setPageComplete(named);
    }
}
