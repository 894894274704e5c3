package org.fenestra.servicing.ui.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.fenestra.servicing.api.ServicingDrive;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.ui.api.UiThread;

/**
 * Preferences › Site › Servicing Drive: Automatic or a folder (typed or browsed), with the folder
 * runs will use and its free space. The {@link ServicingDrive} service is read and written in Jobs,
 * never on the UI thread; the page shows what the service says after each save.
 */
public final class ServicingDrivePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.fenestra.servicing.ui.preferences.servicingDrive";

    /** What the service says: the configured folder (empty = Automatic), the folder runs use, its free bytes (-1 unknown). */
    private record DriveState(Optional<String> configured, Path effective, long freeBytes, long totalBytes) {
    }

    private Button automatic;
    private Button folderChoice;
    private Text folder;
    private Button browse;
    private Text effective;
    private Text free;
    private Label note;

    @Override
    public void init(IWorkbench workbench) {
        setDescription(Messages.Drive_description);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        automatic = new Button(page, SWT.RADIO);
        automatic.setText(Messages.Drive_automatic);
        automatic.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        folderChoice = new Button(page, SWT.RADIO);
        folderChoice.setText(Messages.Drive_folder);
        folder = new Text(page, SWT.BORDER);
        GridData folderData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        folderData.widthHint = 300;
        folder.setLayoutData(folderData);
        browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.Drive_browse);
        effective = readOnly(page, Messages.Drive_effective);
        free = readOnly(page, Messages.Drive_free);
        note = new Label(page, SWT.WRAP);
        GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        noteData.widthHint = 400;
        note.setLayoutData(noteData);

        automatic.addListener(SWT.Selection, e -> choiceChanged());
        folderChoice.addListener(SWT.Selection, e -> choiceChanged());
        folder.addListener(SWT.Modify, e -> validate());
        browse.addListener(SWT.Selection, e -> browse());
        automatic.setSelection(true);
        choiceChanged();
        load();
        return page;
    }

    private static Text readOnly(Composite page, String label) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.READ_ONLY | SWT.BORDER);
        text.setText(Messages.Drive_reading);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return text;
    }

    private void choiceChanged() {
        boolean custom = folderChoice.getSelection();
        folder.setEnabled(custom);
        browse.setEnabled(custom);
        validate();
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setMessage(Messages.Drive_browseMessage);
        if (!folder.getText().isBlank()) {
            dialog.setFilterPath(folder.getText());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            folder.setText(chosen);
        }
    }

    /** A folder must be absolute (the service refuses others); whether it exists is the service's to say after saving. */
    private void validate() {
        boolean ok = !folderChoice.getSelection() || Path.of(folder.getText().strip()).isAbsolute();
        setErrorMessage(ok ? null : Messages.Drive_relative);
        setValid(ok);
    }

    /** The setting as the admin chose it: a folder, or "automatic". */
    private String chosen() {
        return folderChoice.getSelection() ? folder.getText().strip() : "automatic";
    }

    /** Reads the service in a Job and shows what it says. */
    private void load() {
        run(Messages.Drive_readJob, null);
    }

    /** Saves (when {@code value} is not null) and then reads the service again, in a Job. */
    private void run(String name, String value) {
        Control page = effective;
        Job job = Job.create(name, monitor -> {
            try {
                ServicingDrive drive = ServicingServices.of().drive();
                if (value != null) {
                    drive.set(value);
                }
                DriveState state = read(drive);
                UiThread.updateLater(page, () -> show(state));
                return Status.OK_STATUS;
            } catch (ServicingException e) {
                UiThread.updateLater(page, () -> setErrorMessage(e.getMessage()));
                return value == null ? Status.OK_STATUS // shown on the page; a save that failed must be seen even with the page closed
                        : new Status(IStatus.ERROR, ServicingDrivePreferencePage.class, e.getMessage());
            }
        });
        job.setSystem(value == null);
        job.schedule();
    }

    private static DriveState read(ServicingDrive drive) throws ServicingException {
        Optional<String> configured = drive.configured();
        Path used = drive.effective();
        try {
            FileStore store = Files.getFileStore(used);
            return new DriveState(configured, used, store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            return new DriveState(configured, used, -1, -1);
        }
    }

    private void show(DriveState state) {
        automatic.setSelection(state.configured().isEmpty());
        folderChoice.setSelection(state.configured().isPresent());
        folder.setText(state.configured().orElse(""));
        choiceChanged();
        effective.setText(state.effective().toString());
        free.setText(state.freeBytes() < 0 ? "?" : gigabytes(state.freeBytes()) + " / " + gigabytes(state.totalBytes()));
        note.setText(state.configured().filter(c -> !Path.of(c).equals(state.effective()))
                .map(c -> NLS.bind(Messages.Drive_missing, c)).orElse(""));
        note.getParent().layout(true, true);
    }

    private static String gigabytes(long bytes) {
        return String.format("%.1f GB", bytes / 1e9);
    }

    @Override
    protected void performDefaults() {
        automatic.setSelection(true);
        folderChoice.setSelection(false);
        choiceChanged();
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        run(Messages.Drive_saveJob, chosen());
        return true;
    }
}
