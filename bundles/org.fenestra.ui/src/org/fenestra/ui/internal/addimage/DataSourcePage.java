package org.fenestra.ui.internal.addimage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Data Source: the WIM to add, the license terms, whether to extract one image index (the
 * indexes are listed from the file), and the architecture and language used for client
 * pre-cache (read from the chosen image, editable). A local file's indexes are read as the
 * path is typed; a UNC path's ({@code \\server\share\...}) when Enter is pressed or the field
 * is left, through the import service (which holds the SMB credentials), off the UI thread.
 * Browse is for local files only.
 */
final class DataSourcePage extends WizardPage {

    static final String[] ARCHITECTURES = { "x86", "x64", "arm64" };

    private final AddImageSettings settings;
    private Text path;
    private Button eula;
    private Button extract;
    private Combo index;
    private Combo architecture;
    private Text language;
    private WimIndexes indexes;
    private String uncRead; // the UNC path whose indexes were last listed

    DataSourcePage(AddImageSettings settings) {
        super("dataSource", "Data Source", null);
        this.settings = settings;
        setDescription("Specify the WIM file of the operating system image");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        new Label(page, SWT.NONE).setText("Path:");
        path = new Text(page, SWT.BORDER);
        path.setMessage("\\\\server\\share\\path\\install.wim or a local path");
        path.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, event -> browse());

        eula = checkbox(page, "I accept the license terms of this operating system image");
        extract = checkbox(page, "Extract a specific image index from the specified WIM file");
        new Label(page, SWT.NONE).setText("Image index:");
        index = new Combo(page, SWT.READ_ONLY);
        index.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(page, SWT.NONE).setText("Architecture:");
        architecture = new Combo(page, SWT.READ_ONLY);
        architecture.setItems(ARCHITECTURES);
        architecture.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText("Language:");
        language = new Text(page, SWT.BORDER);
        language.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        path.addListener(SWT.Modify, event -> readIndexes());
        path.addListener(SWT.DefaultSelection, event -> readUncIndexes());
        path.addListener(SWT.FocusOut, event -> readUncIndexes());
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

    private void readIndexes() {
        indexes = null;
        uncRead = null;
        index.removeAll();
        if (isUnc(path.getText().strip())) {
            validate();
            return;
        }
        try {
            Path file = Path.of(path.getText().strip());
            if (Files.isRegularFile(file)) {
                indexes = WimIndexes.read(file);
                indexes.entries().forEach(entry -> index.add(entry.label()));
                index.select(0);
                defaultsFromChosenImage();
                return;
            }
        } catch (InvalidPathException | IOException e) {
            setErrorMessage("Not a readable WIM file: " + e.getMessage());
            setPageComplete(false);
            return;
        }
        validate();
    }

    private void readUncIndexes() {
        String unc = path.getText().strip();
        if (!isUnc(unc) || unc.equals(uncRead) || getControl() == null || getControl().isDisposed()
                || !isCurrentPage()) {
            return;
        }
        uncRead = unc;
        ServiceTracker<ImageImporter, ImageImporter> importers = new ServiceTracker<>(
                FrameworkUtil.getBundle(DataSourcePage.class).getBundleContext(), ImageImporter.class, null);
        importers.open();
        try {
            ImageImporter importer = importers.getService();
            if (importer == null) {
                setErrorMessage("The image import service is not running; see fenestra:status.");
                return;
            }
            WimIndexes[] read = new WimIndexes[1];
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Reading " + unc, org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
                try {
                    read[0] = WimIndexes.of(importer.indexes(unc).images());
                } catch (ImportException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            indexes = read[0];
            indexes.entries().forEach(entry -> index.add(entry.label()));
            index.select(0);
            defaultsFromChosenImage();
        } catch (InvocationTargetException e) {
            setErrorMessage("Not a readable WIM file: " + e.getCause().getMessage());
            setPageComplete(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            importers.close();
        }
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
        if (path.getText().isBlank()) {
            problem = "Specify the path of a WIM file.";
        } else if (indexes == null && isUnc(path.getText().strip())) {
            problem = "Press Enter to read the WIM file on the share.";
        } else if (indexes == null) {
            problem = "No WIM file at this path.";
        } else if (!eula.getSelection()) {
            problem = "Accept the license terms to add this image.";
        } else if (architecture.getText().isEmpty()) {
            problem = "Choose the architecture.";
        }
        setErrorMessage(indexes == null && !path.getText().isBlank() && !isUnc(path.getText().strip()) ? problem : null);
        setMessage(problem == null ? null : problem, problem == null ? NONE : INFORMATION);
        setPageComplete(problem == null);
        if (problem == null) {
            store();
        }
    }

    private void store() {
        settings.sourcePath = path.getText().strip();
        settings.eulaAccepted = eula.getSelection();
        settings.extractIndex = extract.getSelection() ? indexes.entries().get(index.getSelectionIndex()).index() : 0;
        settings.architecture = architecture.getText();
        settings.language = language.getText().strip();
    }
}
