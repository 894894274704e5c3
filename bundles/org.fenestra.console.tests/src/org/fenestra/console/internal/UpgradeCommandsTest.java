package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageNotFoundException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.ImportException;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * upgrade-add, -list, -show and -remove on a setup media folder whose install.wim wimlib-imagex captured
 * from the synthetic Windows tree; the servicing commands take the package's ID.
 */
class UpgradeCommandsTest {

    @TempDir
    Path folder;

    @Test
    void addListShowAndRemoveAnUpgradePackage() throws Exception {
        Path media = folder.resolve("Win11 media");
        Files.createDirectories(media.resolve("sources"));
        Files.write(media.resolve("setup.exe"), new byte[] {'M', 'Z', 1, 2, 3});
        Path tree = Files.createDirectories(folder.resolve("tree"));
        SyntheticWindowsTree.write(tree, SyntheticWindowsTree.windows11Enterprise());
        ImageRegistryCommandTest.wimlib("capture", tree.toString(), media.resolve("sources/install.wim").toString(),
                "Synthetic Windows", "--compress=LZX");
        BundleContext context = startedConsoleBundle();
        String name = "Upgrade " + System.nanoTime();

        String added = execute(context, "fenestra:upgrade-add '" + media + "' --name '" + name + "' --version 24H2"
                + " --comment 'from the ISO'");
        assertTrue(added.startsWith("Added OS upgrade package FEN"), added);
        String id = added.split(" ")[4];
        UpgradePackageRecord record = await(context, UpgradePackageCatalog.class).upgradePackage(id);
        assertEquals(name, record.name());

        String list = execute(context, "upgrade-list");
        assertTrue(list.lines().anyMatch(l -> l.startsWith(id) && l.contains(name) && l.contains("24H2")
                && l.contains(" x64 ")), list);
        assertFalse(execute(context, "image-list").contains(id), "an upgrade package is not an OS image");
        CommandFailedException notAnImage = assertThrows(CommandFailedException.class,
                () -> execute(context, "image-show " + id));
        assertTrue(notAnImage.getMessage().contains("upgrade-show " + id), notAnImage.getMessage());

        String show = execute(context, "upgrade-show " + id);
        for (String row : new String[] {"Comment\\s+from the ISO", "Files\\s+2", "Build\\s+26100\\.4317",
                "Serviced image\\s+.*install\\.wim, index 1", "Content version\\s+1"}) {
            assertTrue(show.lines().anyMatch(l -> l.matches(row)), row + " not in\n" + show);
        }
        execute(context, "servicing-schedule " + id + " --all-applicable --at 2099-12-08T03:00");
        String status = execute(context, "servicing-status " + id);
        assertTrue(status.lines().anyMatch(l -> l.startsWith(id) && l.contains("SCHEDULED")), "servicing takes the"
                + " package's ID:\n" + status);

        String removed = execute(context, "upgrade-remove " + id);
        assertTrue(removed.startsWith("Removed OS upgrade package " + id), removed);
        assertFalse(Files.exists(Path.of(record.storedFolder())));
        assertTrue(Files.exists(media.resolve("sources/install.wim")), "the source media are never touched");
        assertThrows(UpgradePackageNotFoundException.class, () -> execute(context, "upgrade-show " + id));

        Files.delete(media.resolve("setup.exe"));
        ImportException refused = assertThrows(ImportException.class,
                () -> execute(context, "upgrade-add '" + media + "'"));
        assertTrue(refused.getMessage().contains("no setup.exe"), refused.getMessage());
    }
}
