package org.fenestra.upgrades.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.ui.testing.LoggedErrors;
import org.fenestra.ui.testing.Ui;
import org.fenestra.upgrades.ui.internal.UpgradeServices;
import org.fenestra.upgrades.ui.internal.wizard.AddUpgradePackageWizard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Operating System Upgrade Packages view and the Add Operating System Upgrade Package wizard against
 * the real services (H2 catalog, the importer, servicing's columns and actions) on setup media whose
 * install.wim wimlib-imagex captured. Screenshots go to target/screenshots/.
 */
@ExtendWith(LoggedErrors.class)
class UpgradePackagesWorkbenchTest {

    @TempDir
    Path work;

    @Test
    void theWizardAddsAPackageThatTheViewListsWithServicingColumnsAndActions() throws Exception {
        Path media = media("Win11 media");
        UpgradePackagesView view = (UpgradePackagesView) Ui.window().getActivePage().showView(UpgradePackagesView.ID);
        String name = "Upgrade " + System.nanoTime();

        AtomicReference<String> failure = new AtomicReference<>();
        AddUpgradePackageWizard wizard = new AddUpgradePackageWizard(added -> view.reload(), failure::set);
        IStatus result = runWizard(wizard, media.toString(), name, "23H2", "from the ISO", "add-upgrade-package.png");
        assertTrue(result.isOK(), result.getMessage());
        assertEquals(null, failure.get());

        Ui.await(() -> view.rows().stream().anyMatch(r -> r.name().equals(name)), () -> "not listed: " + view.rows());
        UpgradePackageRecord row = view.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        try {
            assertEquals("23H2", row.version());
            assertEquals("from the ISO", row.comment());
            List<String> titles = Arrays.stream(view.viewer().getTable().getColumns()).map(TableColumn::getText).toList();
            assertTrue(titles.containsAll(List.of("Name", "Version", "OS Version", "Architecture", "Language", "Size",
                    "Scheduled Updates Date", "Scheduled Updates Status", "Date Added", "Content Version")), titles.toString());
            IAction schedule = action(view, "Schedule Updates");
            assertFalse(schedule.isEnabled(), "nothing selected");
            view.viewer().setSelection(new StructuredSelection(row));
            Ui.processEvents();
            assertTrue(schedule.isEnabled(), "servicing's Schedule Updates works on the package");
            assertFalse(action(view, "Cancel Scheduled Updates").isEnabled(), "nothing is in process");
            assertTrue(action(view, "Remove").isEnabled());
            Ui.settle(300);
            Ui.screenshot(Ui.window().getShell(), "upgrade-packages-view.png");

            PackagePropertiesDialog properties = new PackagePropertiesDialog(Ui.window().getShell(), row);
            properties.setBlockOnOpen(false);
            properties.open();
            try {
                assertEquals(List.of("General", "Installed Updates", "Servicing"), properties.tabLabels(),
                        "updates' and servicing's tabs read the package's install.wim by its ID");
                Ui.settle(300);
                Ui.screenshot(properties.getShell(), "upgrade-package-properties-general.png");
                properties.select("Servicing");
                Ui.settle(500);
                Ui.screenshot(properties.getShell(), "upgrade-package-properties-servicing.png");
                properties.select("Installed Updates");
                Ui.settle(1000);
                Ui.screenshot(properties.getShell(), "upgrade-package-properties-installed-updates.png");
                properties.select("General");
                editGeneral(properties, name);
            } finally {
                if (properties.getShell() != null) {
                    properties.close();
                }
            }
        } finally {
            UpgradeServices.importer(new org.eclipse.core.runtime.NullProgressMonitor()).remove(row.id());
        }
        assertFalse(Files.exists(Path.of(row.storedFolder())));
    }

    @Test
    void aFolderThatIsNotSetupMediaFailsTheJobWithItsReason() throws Exception {
        Path media = media("No setup");
        Files.delete(media.resolve("setup.exe"));
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<UpgradePackageRecord> added = new AtomicReference<>();
        IStatus result = runWizard(new AddUpgradePackageWizard(added::set, failure::set), media.toString(), "", "", "",
                "add-upgrade-package-refused.png");
        assertTrue(result.isOK(), "bad input is not logged as a fault");
        assertEquals(null, added.get());
        assertTrue(failure.get() != null && failure.get().contains("no setup.exe"), String.valueOf(failure.get()));
    }

    /** A blank name is refused with the dialog left open; a new name, version and comment are saved on OK. */
    private static void editGeneral(PackagePropertiesDialog properties, String name) throws Exception {
        Text[] fields = properties.general().editedFields();
        Button ok = button(properties.getShell(), IDialogConstants.OK_LABEL);
        fields[0].setText("  ");
        ok.notifyListeners(SWT.Selection, null);
        Ui.processEvents();
        assertTrue(properties.general().problem().contains("name is required"), properties.general().problem());
        Ui.screenshot(properties.getShell(), "upgrade-package-properties-name-refused.png");

        String id = properties.general().packageId();
        fields[0].setText(name + " renamed");
        fields[1].setText("24H2");
        fields[2].setText("serviced monthly");
        ok.notifyListeners(SWT.Selection, null);
        Ui.processEvents();
        assertTrue(properties.getShell() == null, "OK closed the dialog");
        UpgradePackageRecord saved = UpgradeServices.catalog(new org.eclipse.core.runtime.NullProgressMonitor()).upgradePackage(id);
        assertEquals(name + " renamed", saved.name());
        assertEquals("24H2", saved.version());
        assertEquals("serviced monthly", saved.comment());
    }

    /** Fills the page, presses Finish and waits for the import job; returns its result. */
    private static IStatus runWizard(AddUpgradePackageWizard wizard, String path, String name, String version,
            String comment, String screenshot) throws Exception {
        WizardDialog dialog = new WizardDialog(Ui.window().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        try {
            Button finish = button(shell, IDialogConstants.FINISH_LABEL);
            assertFalse(finish.isEnabled(), "no folder given yet");
            List<Text> texts = Ui.controls(dialog.getCurrentPage().getControl(), Text.class);
            texts.get(0).setText(path);
            texts.get(1).setText(name);
            texts.get(2).setText(version);
            texts.get(3).setText(comment);
            Ui.processEvents();
            assertTrue(finish.isEnabled());
            Ui.screenshot(shell, screenshot);
            finish.notifyListeners(SWT.Selection, null);
            Ui.processEvents();
        } finally {
            if (!shell.isDisposed()) {
                shell.close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (wizard.job().getResult() == null && System.nanoTime() < deadline) {
            Ui.settle(50);
        }
        return wizard.job().getResult();
    }

    private Path media(String folder) throws Exception {
        Path media = Files.createDirectories(work.resolve(folder));
        Files.write(media.resolve("setup.exe"), new byte[] {'M', 'Z', 3, 1, 4});
        Files.createDirectories(media.resolve("boot"));
        Files.write(media.resolve("boot/boot.sdi"), new byte[4096]);
        Path tree = Files.createDirectories(work.resolve(folder + "-tree"));
        SyntheticWindowsTree.write(tree, SyntheticWindowsTree.windows11Enterprise());
        Files.createDirectories(media.resolve("sources"));
        Process capture = new ProcessBuilder("wimlib-imagex", "capture", tree.toString(),
                media.resolve("sources/install.wim").toString(), "Synthetic Windows", "--compress=LZX")
                .redirectErrorStream(true).start();
        String output = new String(capture.getInputStream().readAllBytes());
        assertTrue(capture.waitFor(120, TimeUnit.SECONDS) && capture.exitValue() == 0, output);
        return media;
    }

    private static IAction action(UpgradePackagesView view, String label) {
        for (IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (item instanceof ActionContributionItem contribution && label.equals(contribution.getAction().getText())) {
                return contribution.getAction();
            }
        }
        throw new AssertionError("no toolbar action " + label);
    }

    private static Button button(Shell shell, String label) {
        return Ui.controls(shell, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }
}
