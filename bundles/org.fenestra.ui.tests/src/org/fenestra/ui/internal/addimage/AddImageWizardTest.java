package org.fenestra.ui.internal.addimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.smb.samba.SambaServer;
import org.fenestra.ui.internal.app.Screenshots;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Drives the real Add Operating System Image wizard through every page, as an admin clicks
 * it, on a real WIM; the import runs through the real importer and catalog, and wimlib
 * checks the extracted file. Screenshots of each page go to target/screenshots/.
 */
@ExtendWith(LoggedErrors.class)
class AddImageWizardTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PARTNER_PAGE = "org.fenestra.sample.partner.inventoryOwner";

    @TempDir
    Path share;

    @Test
    void everyPageFromDataSourceToCompletionAddsTheChosenIndex() throws Exception {
        Path source = Files.copy(Path.of("data", "multi.wim"), share.resolve("install.wim"));
        AddImageWizard wizard = new AddImageWizard();
        AddImageWizardDialog dialog = open(wizard);
        Shell shell = dialog.getShell();
        try {
            Composite dataSource = (Composite) page(dialog).getControl();
            all(dataSource, Text.class).get(0).setText(source.toString());
            Ui.await(() -> all(dataSource, Combo.class).get(0).getItemCount() > 0,
                    () -> "indexes not listed: " + ((org.eclipse.jface.wizard.WizardPage) page(dialog)).getErrorMessage());
            assertEquals(List.of("1: basic", "2: modified", "3: other"), List.of(all(dataSource, Combo.class).get(0).getItems()));
            assertFalse(page(dialog).isPageComplete(), "the license terms are not accepted yet");
            assertTrue(((org.eclipse.jface.wizard.WizardPage) page(dialog)).getMessage().contains("license terms"));
            assertFalse(button(shell, IDialogConstants.NEXT_LABEL).isEnabled());

            click(checkbox(dataSource, "I accept the license terms"));
            click(checkbox(dataSource, "Extract a specific image index"));
            select(all(dataSource, Combo.class).get(0), 1);
            select(all(dataSource, Combo.class).get(1), 1); // these fixtures carry no WINDOWS/ARCH: choose x64
            assertTrue(page(dialog).isPageComplete(), ((org.eclipse.jface.wizard.WizardPage) page(dialog)).getMessage());
            screenshot(shell, "add-image-1-data-source.png");

            click(button(shell, IDialogConstants.NEXT_LABEL));
            assertEquals("general", page(dialog).getName());
            Text name = all((Composite) page(dialog).getControl(), Text.class).get(0);
            assertEquals("install", name.getText(), "default name: the file name without extension");
            name.setText("Wizard Index 2 " + System.nanoTime());
            GeneralPage general = (GeneralPage) page(dialog);
            Ui.await(general::isNameChecked, () -> "name not checked");
            all((Composite) page(dialog).getControl(), Text.class).get(1).setText("2026-11");
            screenshot(shell, "add-image-2-general.png");

            click(button(shell, IDialogConstants.NEXT_LABEL));
            assertEquals(PARTNER_PAGE, page(dialog).getName(), "the sample partner's page follows General");
            assertTrue(page(dialog).isPageComplete(), "the asset owner defaults to the user");
            screenshot(shell, "add-image-2b-partner-page.png");
            click(button(shell, IDialogConstants.NEXT_LABEL));
            assertEquals("summary", page(dialog).getName());
            String summary = all((Composite) page(dialog).getControl(), Text.class).get(0).getText();
            assertTrue(summary.contains("2 (extracted into a new WIM beside the source)"), summary);
            screenshot(shell, "add-image-3-summary.png");

            click(button(shell, IDialogConstants.NEXT_LABEL)); // runs the import with the progress bar
            assertEquals("completion", page(dialog).getName(), "import failed: "
                    + ((org.eclipse.jface.wizard.WizardPage) wizard.getPage("summary")).getErrorMessage());
            OsImageRecord added = wizard.added();
            assertNotNull(added);
            screenshot(shell, "add-image-4-completion.png");
            assertTrue(button(shell, IDialogConstants.FINISH_LABEL).isEnabled());
            click(button(shell, IDialogConstants.FINISH_LABEL));
            assertTrue(shell.isDisposed(), "Finish closes the wizard");

            Path extracted = share.resolve("install-index2.wim");
            assertEquals(extracted.toString(), added.storedPath());
            assertEquals(2, added.sourceIndex());
            assertEquals(1, added.imageIndex(), "the extracted WIM holds the image as its index 1");
            assertEquals("2026-11", added.version());
            String info = wimlib("info", extracted.toString());
            assertTrue(info.lines().anyMatch(l -> l.matches("Image Count:\\s+1")), info);
            assertTrue(info.lines().anyMatch(l -> l.matches("Name:\\s+modified")), info);
            catalog().remove(added.id());
        } finally {
            if (!shell.isDisposed()) {
                dialog.close();
            }
        }
    }

    /** The same wizard on a UNC path: indexes listed from a real loopback smbd, the index extracted onto the share. */
    @Test
    void aUncSourceIsListedOnEnterAndExtractedOntoTheShare() throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        try (SambaServer samba = SambaServer.start()) {
            System.setProperty("fenestra.smb.127.0.0.1.port", String.valueOf(samba.port()));
            System.setProperty("fenestra.smb.127.0.0.1.user", SambaServer.USER);
            System.setProperty("fenestra.smb.127.0.0.1.password", SambaServer.PASSWORD);
            Files.copy(Path.of("data", "multi.wim"), samba.imagesFolder().resolve("install.wim"));
            AddImageWizard wizard = new AddImageWizard();
            AddImageWizardDialog dialog = open(wizard);
            Shell shell = dialog.getShell();
            try {
                Composite dataSource = (Composite) page(dialog).getControl();
                Text path = all(dataSource, Text.class).get(0);
                path.setText(samba.unc("images", "install.wim"));
                // A share is not read per keystroke (only on Enter or when the field is left).
                assertTrue(((org.eclipse.jface.wizard.WizardPage) page(dialog)).getMessage().contains("Press Enter"));
                assertFalse(((DataSourcePage) page(dialog)).isReading());
                path.notifyListeners(SWT.DefaultSelection, null);
                Ui.await(() -> all(dataSource, Combo.class).get(0).getItemCount() > 0
                        || ((org.eclipse.jface.wizard.WizardPage) page(dialog)).getErrorMessage() != null, () -> "share not read");
                assertEquals(List.of("1: basic", "2: modified", "3: other"),
                        List.of(all(dataSource, Combo.class).get(0).getItems()),
                        String.valueOf(((org.eclipse.jface.wizard.WizardPage) page(dialog)).getErrorMessage()));

                click(checkbox(dataSource, "I accept the license terms"));
                click(checkbox(dataSource, "Extract a specific image index"));
                select(all(dataSource, Combo.class).get(0), 1);
                select(all(dataSource, Combo.class).get(1), 1);
                click(button(shell, IDialogConstants.NEXT_LABEL));
                Text name = all((Composite) page(dialog).getControl(), Text.class).get(0);
                assertEquals("install", name.getText(), "default name: the UNC path's file name without extension");
                name.setText("Wizard UNC " + System.nanoTime());
                click(button(shell, IDialogConstants.NEXT_LABEL)); // the partner's page
                click(button(shell, IDialogConstants.NEXT_LABEL));
                click(button(shell, IDialogConstants.NEXT_LABEL)); // imports
                assertEquals("completion", page(dialog).getName(), "import failed: "
                        + ((org.eclipse.jface.wizard.WizardPage) wizard.getPage("summary")).getErrorMessage());
                OsImageRecord added = wizard.added();
                click(button(shell, IDialogConstants.FINISH_LABEL));

                assertEquals(samba.unc("images", "install-index2.wim"), added.storedPath());
                String info = wimlib("info", samba.imagesFolder().resolve("install-index2.wim").toString());
                assertTrue(info.lines().anyMatch(l -> l.matches("Name:\\s+modified")), info);
                catalog().remove(added.id());
            } finally {
                if (!shell.isDisposed()) {
                    dialog.close();
                }
            }
        }
    }

    /**
     * The General page checks the name against the catalog as it is typed, and a problem shown on
     * Summary by a refused import does not outlive the rename that fixes it.
     */
    @Test
    void aTakenNameIsReportedWhileTypingAndAStaleSummaryErrorIsCleared() throws Exception {
        Path source = Files.copy(Path.of("data", "multi.wim"), share.resolve("install.wim"));
        OsImageRecord taken = Ui.addImage("Taken Name " + System.nanoTime(), "10.0.19045.1", 1_000_000);
        AddImageWizardDialog dialog = open(new AddImageWizard());
        Shell shell = dialog.getShell();
        try {
            Composite dataSource = (Composite) page(dialog).getControl();
            all(dataSource, Text.class).get(0).setText(source.toString());
            Ui.await(() -> all(dataSource, Combo.class).get(0).getItemCount() > 0, () -> "indexes not listed");
            click(checkbox(dataSource, "I accept the license terms"));
            select(all(dataSource, Combo.class).get(1), 1);
            click(button(shell, IDialogConstants.NEXT_LABEL));

            GeneralPage general = (GeneralPage) page(dialog);
            Text name = all((Composite) general.getControl(), Text.class).get(0);
            name.setText(taken.name().toUpperCase(java.util.Locale.ROOT)); // names are unique ignoring case
            Ui.await(general::isNameChecked, () -> "name not checked");
            assertEquals("An OS image named \"" + taken.name().toUpperCase(java.util.Locale.ROOT)
                    + "\" already exists (" + taken.id() + "); choose another name.", general.getErrorMessage());
            assertFalse(general.isPageComplete());
            assertFalse(button(shell, IDialogConstants.NEXT_LABEL).isEnabled());
            screenshot(shell, "add-image-name-taken.png");

            name.setText("Fresh Name " + System.nanoTime());
            Ui.await(general::isNameChecked, () -> "name not checked");
            assertEquals(null, general.getErrorMessage());
            assertTrue(general.isPageComplete());

            // Summary shows an import's refusal; going back and fixing the cause clears it.
            click(button(shell, IDialogConstants.NEXT_LABEL)); // the partner's page
            click(button(shell, IDialogConstants.NEXT_LABEL));
            org.eclipse.jface.wizard.WizardPage summary = (org.eclipse.jface.wizard.WizardPage) page(dialog);
            summary.setErrorMessage("an OS image named \"install\" already exists; choose another name");
            click(button(shell, IDialogConstants.BACK_LABEL));
            click(button(shell, IDialogConstants.BACK_LABEL));
            assertEquals("general", page(dialog).getName());
            name.setText("Fresh Name " + System.nanoTime());
            Ui.await(general::isNameChecked, () -> "name not checked");
            click(button(shell, IDialogConstants.NEXT_LABEL));
            click(button(shell, IDialogConstants.NEXT_LABEL));
            assertEquals("summary", page(dialog).getName());
            assertEquals(null, summary.getErrorMessage(), "stale error still on Summary");
        } finally {
            if (!shell.isDisposed()) {
                dialog.close();
            }
            Ui.removeQuietly(taken);
        }
    }

    /** The link beside the license check box shows the terms stored in the chosen image. */
    @Test
    void theLicenseLinkShowsTheTermsStoredInTheImage() throws Exception {
        Path tree = share.resolve("tree");
        Path edition = tree.resolve("Windows/System32/Licenses/neutral/_Default/Enterprise");
        Files.createDirectories(edition);
        Files.writeString(edition.resolve("license.rtf"), "{\\rtf1\\ansi{\\fonttbl{\\f0 Segoe UI;}}"
                + "\\pard\\b MICROSOFT SOFTWARE LICENSE TERMS\\b0\\par\\par WINDOWS 11 ENTERPRISE\\par}",
                StandardCharsets.ISO_8859_1);
        Path wim = share.resolve("licensed.wim");
        wimlib("capture", tree.toString(), wim.toString(), "Windows 11 Enterprise");
        AddImageWizardDialog dialog = open(new AddImageWizard());
        Shell shell = dialog.getShell();
        try {
            Composite dataSource = (Composite) page(dialog).getControl();
            all(dataSource, Text.class).get(0).setText(wim.toString());
            Ui.await(() -> all(dataSource, Combo.class).get(0).getItemCount() > 0, () -> "indexes not listed");
            org.eclipse.swt.widgets.Link link = all(dataSource, org.eclipse.swt.widgets.Link.class).get(0);
            assertTrue(link.getText().contains("license terms"), link.getText());
            java.util.concurrent.atomic.AtomicReference<String> shown = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = Ui.whenShellOpens("License Terms", terms -> {
                Text text = all(terms, Text.class).get(0);
                Ui.await(() -> text.getText().contains("MICROSOFT") || text.getText().contains("cannot"), text::getText);
                shown.set(text.getText());
                screenshot(terms, "add-image-license-terms.png");
                terms.close();
            });
            link.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            Ui.assertHandled(failure);
            assertEquals("MICROSOFT SOFTWARE LICENSE TERMS\n\nWINDOWS 11 ENTERPRISE", shown.get());
        } finally {
            if (!shell.isDisposed()) {
                dialog.close();
            }
        }
    }

    private static IWizardPage page(AddImageWizardDialog dialog) {
        return dialog.getCurrentPage();
    }

    private static void click(Button button) {
        if ((button.getStyle() & SWT.CHECK) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, null);
        settle();
    }

    private static void select(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, null);
        settle();
    }

    private static Button checkbox(Composite root, String textStart) {
        return all(root, Button.class).stream().filter(b -> b.getText().startsWith(textStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no checkbox \"" + textStart + "\""));
    }

    private static Button button(Shell shell, String label) {
        return all(shell, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }

    private static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }

    private static void settle() {
        while (Display.getCurrent().readAndDispatch()) {
            // run pending UI work
        }
    }

    private static void screenshot(Shell shell, String file) {
        assertTrue(Screenshots.save(shell, SCREENSHOTS.resolve(file)));
    }

    private static ImageCatalog catalog() throws InterruptedException {
        ServiceTracker<ImageCatalog, ImageCatalog> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(AddImageWizardTest.class).getBundleContext(), ImageCatalog.class, null);
        tracker.open();
        return tracker.waitForService(30_000);
    }

    private static String wimlib(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wimlib-imagex"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output;
    }

    /** Opens the wizard's dialog on the workbench window without blocking. */
    private static AddImageWizardDialog open(AddImageWizard wizard) {
        AddImageWizardDialog dialog = new AddImageWizardDialog(
                PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }
}
