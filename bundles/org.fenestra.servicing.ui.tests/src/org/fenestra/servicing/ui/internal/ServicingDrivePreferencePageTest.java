package org.fenestra.servicing.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.fenestra.servicing.api.ServicingDrive;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Preferences › Site › Servicing Drive in the real workbench against the real ServicingDrive service
 * (the pipeline, catalog in H2 under target/): it shows Automatic and the data folder with its free
 * space, saves a folder (read back from the service), says when a saved folder does not exist, and
 * goes back to Automatic.
 */
@ExtendWith(LoggedErrors.class)
class ServicingDrivePreferencePageTest {

    @TempDir
    Path work;

    private PreferenceDialog dialog;

    @AfterEach
    void close() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        drive().set("automatic");
    }

    private static ServicingDrive drive() throws InterruptedException {
        ServiceTracker<ServicingDrive, ServicingDrive> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ServicingDrivePreferencePageTest.class).getBundleContext(), ServicingDrive.class, null);
        tracker.open();
        ServicingDrive drive = tracker.waitForService(30_000);
        assertNotNull(drive, "no ServicingDrive service");
        return drive;
    }

    @Test
    void showsTheResolvedDriveSavesAFolderAndGoesBackToAutomatic() throws Exception {
        drive().set("automatic");
        Path dataFolder = drive().effective();
        Path chosen = Files.createDirectories(work.resolve("servicing drive"));

        open();
        assertTrue(radio("Automatic").getSelection());
        assertEquals(dataFolder.toString(), effective().getText());
        assertTrue(free().getText().matches("[0-9.]+ GB / [0-9.]+ GB"), free().getText());
        Ui.screenshot(dialog.getShell(), "servicing-drive-automatic.png");

        select(radio("Folder"));
        folder().setText("relative/path");
        assertFalse(page().isValid(), "a relative folder is refused on the page");
        folder().setText(chosen.toString());
        assertTrue(page().isValid());
        Ui.screenshot(dialog.getShell(), "servicing-drive-folder.png");
        pressOk();
        Ui.await(() -> configured().equals(Optional.of(chosen.toString())), () -> "the folder saved: " + configured());
        assertEquals(chosen, drive().effective());

        open();
        assertTrue(radio("Folder").getSelection());
        assertEquals(chosen.toString(), folder().getText());
        assertEquals(chosen.toString(), effective().getText());
        pressOk();

        Path missing = work.resolve("gone");
        drive().set(missing.toString());
        open();
        assertEquals(dataFolder.toString(), effective().getText(), "a missing folder behaves as Automatic");
        Ui.await(() -> Ui.controls(dialog.getShell(), org.eclipse.swt.widgets.Label.class).stream()
                .anyMatch(l -> l.getText().contains("does not exist")), () -> "the page says the folder is missing");
        Ui.screenshot(dialog.getShell(), "servicing-drive-missing.png");
        select(radio("Automatic"));
        pressOk();
        Ui.await(() -> configured().isEmpty(), () -> "back to Automatic: " + configured());
    }

    private void open() {
        dialog = PreferencesUtil.createPreferenceDialogOn(Ui.window().getShell(), ServicingDrivePreferencePage.ID,
                new String[] { ServicingDrivePreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Ui.await(() -> !effective().getText().equals(Messages.Drive_reading), () -> "the page read the service");
    }

    private static Optional<String> configured() {
        try {
            return drive().configured();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Button radio(String startsWith) {
        return Ui.controls(dialog.getShell(), Button.class).stream()
                .filter(b -> (b.getStyle() & SWT.RADIO) != 0 && b.getText().replace("&", "").startsWith(startsWith))
                .findFirst().orElseThrow(() -> new AssertionError("no radio button " + startsWith));
    }

    private static void select(Button radio) {
        for (Button sibling : Ui.controls(radio.getParent(), Button.class)) {
            if ((sibling.getStyle() & SWT.RADIO) != 0) {
                sibling.setSelection(sibling == radio);
            }
        }
        radio.notifyListeners(SWT.Selection, null);
    }

    private org.eclipse.jface.preference.PreferencePage page() {
        return (org.eclipse.jface.preference.PreferencePage) dialog.getSelectedPage();
    }

    private List<Text> texts() {
        return Ui.controls(page().getControl(), Text.class);
    }

    private Text folder() {
        return texts().stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).findFirst().orElseThrow();
    }

    private Text effective() {
        return texts().stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) != 0).toList().get(0);
    }

    private Text free() {
        return texts().stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) != 0).toList().get(1);
    }

    /** The dialog's OK button ("Apply and Close"), pressed as a user does. */
    private void pressOk() {
        Button ok = Ui.controls(dialog.getShell(), Button.class).stream()
                .filter(b -> b.getText().replace("&", "").equals("Apply and Close") || b.getText().equals("OK"))
                .findFirst().orElseThrow(() -> new AssertionError("no OK button"));
        ok.notifyListeners(SWT.Selection, null);
        Ui.await(() -> dialog.getShell() == null || dialog.getShell().isDisposed(), () -> "the dialog closed");
    }
}
