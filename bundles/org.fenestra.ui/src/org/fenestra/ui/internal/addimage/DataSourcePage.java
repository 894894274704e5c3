package org.fenestra.ui.internal.addimage;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Data Source: the WIM to add, the license terms, whether to extract one image index (the
 * indexes are listed from the file), and the architecture and language used for client
 * pre-cache (read from the chosen image, editable). Local and UNC paths
 * ({@code \\server\share\...}) are both read by the import service in a background job
 * ({@link SourceReadJob}): a local file shortly after typing stops, a share's file when Enter
 * is pressed or the field is left (each keystroke would be a round trip to the server).
 * Browse is for local files only.
 */
final class DataSourcePage extends WizardPage {

    static final String[] ARCHITECTURES = { "x86", "x64", "arm64" };

    private final AddImageSettings settings;
    private Text path;
    private Button eula;
    private Link licenseLink;
    private Button extract;
    private Combo index;
    private Combo architecture;
    private Text language;
    private WimIndexes indexes;
    private String readProblem; // why the last read failed, for the path it was read for
    private String requested; // the path whose read is under way or done
    private SourceReadJob reader;

    DataSourcePage(AddImageSettings settings) {
        super("dataSource", Messages.DataSource_title, null);
        this.settings = settings;
        setDescription(Messages.DataSource_description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        new Label(page, SWT.NONE).setText(Messages.DataSource_path);
        path = new Text(page, SWT.BORDER);
        path.setMessage(Messages.DataSource_pathHint);
        path.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.DataSource_browse);
        browse.addListener(SWT.Selection, event -> browse());

        // Read, then accept: the link to the terms comes before the check box.
        licenseLink = new Link(page, SWT.NONE);
        licenseLink.setText(Messages.DataSource_licenseLink);
        GridData linkData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        linkData.verticalIndent = 6;
        licenseLink.setLayoutData(linkData);
        licenseLink.addListener(SWT.Selection, event -> showLicenseTerms());
        eula = checkbox(page, Messages.DataSource_acceptEula);
        extract = checkbox(page, Messages.DataSource_extract);
        new Label(page, SWT.NONE).setText(Messages.DataSource_imageIndex);
        index = new Combo(page, SWT.READ_ONLY);
        index.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(page, SWT.NONE).setText(Messages.DataSource_architecture);
        architecture = new Combo(page, SWT.READ_ONLY);
        architecture.setItems(ARCHITECTURES);
        architecture.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(Messages.DataSource_language);
        language = new Text(page, SWT.BORDER);
        language.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        reader = new SourceReadJob(WorkbenchServices.of(), page, this::showRead);
        path.addListener(SWT.Modify, event -> pathChanged());
        path.addListener(SWT.DefaultSelection, event -> readUnc());
        path.addListener(SWT.FocusOut, event -> readUnc());
        eula.addListener(SWT.Selection, event -> validate());
        extract.addListener(SWT.Selection, event -> {
            index.setEnabled(extract.getSelection());
            defaultsFromChosenImage();
        });
        index.addListener(SWT.Selection, event -> defaultsFromChosenImage());
        architecture.addListener(SWT.Selection, event -> validate());
        language.addListener(SWT.Modify, event -> validate());
        index.setEnabled(false);
        setControl(page);
        validate();
    }

    private static Button checkbox(Composite page, String text) {
        Button box = new Button(page, SWT.CHECK);
        box.setText(text);
        box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return box;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.wim;*.esd;*.swm", "*" });
        String chosen = dialog.open();
        if (chosen != null) {
            path.setText(chosen);
        }
    }

    private static boolean isUnc(String text) {
        return text.startsWith("\\\\") || text.startsWith("//");
    }

    private String currentPath() {
        return path.getText().strip();
    }

    private void pathChanged() {
        indexes = null;
        readProblem = null;
        requested = null;
        index.removeAll();
        if (!currentPath().isEmpty() && !isUnc(currentPath())) {
            read(currentPath(), 300); // read once typing pauses
        }
        validate();
    }

    private void readUnc() {
        if (isUnc(currentPath()) && !currentPath().equals(requested)) {
            read(currentPath(), 0);
            validate();
        }
    }

    private void read(String source, long delay) {
        requested = source;
        reader.read(source, delay);
    }

    /** The read's outcome, on the UI thread; a result for a path no longer typed is dropped. */
    private void showRead(SourceReadJob.Result result) {
        if (!result.source().equals(currentPath())) {
            return;
        }
        indexes = result.indexes();
        readProblem = result.problem();
        index.removeAll();
        if (indexes != null) {
            indexes.entries().forEach(entry -> index.add(entry.label()));
            index.select(0);
        }
        defaultsFromChosenImage();
    }

    /** Whether a read of the current path is still under way (for tests). */
    boolean isReading() {
        return requested != null && indexes == null && readProblem == null;
    }

    private void showLicenseTerms() {
        if (indexes == null) {
            setMessage(Messages.DataSource_licenseNeedsFile, WARNING);
            return;
        }
        int chosen = extract.getSelection() ? indexes.entries().get(Math.max(0, index.getSelectionIndex())).index() : 1;
        new LicenseTermsDialog(getShell(), currentPath(), chosen).open();
    }

    private void defaultsFromChosenImage() {
        if (indexes != null && !indexes.entries().isEmpty()) {
            WimIndexes.Entry chosen = indexes.entries().get(extract.getSelection() ? Math.max(0, index.getSelectionIndex()) : 0);
            architecture.setText(chosen.architecture());
            language.setText(chosen.language());
        }
        validate();
    }

    private void validate() {
        String problem = null;
        boolean error = false;
        if (currentPath().isEmpty()) {
            problem = Messages.DataSource_specifyPath;
        } else if (readProblem != null) {
            problem = Messages.bind(Messages.DataSource_notReadable, readProblem);
            error = true;
        } else if (indexes == null && isUnc(currentPath()) && requested == null) {
            problem = Messages.DataSource_pressEnter;
        } else if (indexes == null) {
            problem = Messages.DataSource_reading;
        } else if (!eula.getSelection()) {
            problem = Messages.DataSource_acceptToAdd;
        } else if (architecture.getText().isEmpty()) {
            problem = Messages.DataSource_chooseArchitecture;
        }
        setErrorMessage(error ? problem : null);
        setMessage(error || problem == null ? null : problem, problem == null ? NONE : INFORMATION);
        setPageComplete(problem == null);
        if (problem == null) {
            store();
        }
    }

    private void store() {
        settings.sourcePath = currentPath();
        settings.eulaAccepted = eula.getSelection();
        settings.extractIndex = extract.getSelection() ? indexes.entries().get(index.getSelectionIndex()).index() : 0;
        settings.architecture = architecture.getText();
        settings.language = language.getText().strip();
    }

    @Override
    public void dispose() {
        if (reader != null) {
            reader.cancel();
        }
        super.dispose();
    }
}
