package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.content.api.ImageRegistryException;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * image-add of a WIM that wimlib-imagex captured from the synthetic Windows tree: image-show
 * shows the facts the import read from the image's hives, image-registry looks inside them.
 */
class ImageRegistryCommandTest {

    @TempDir
    Path folder;

    @Test
    void imageShowHasTheFactsAndImageRegistryShowsKeysInsideTheImage() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path tree = Files.createDirectories(folder.resolve("tree"));
        SyntheticWindowsTree.write(tree, spec);
        Path wim = folder.resolve("install.wim");
        wimlib("capture", tree.toString(), wim.toString(), "Synthetic Windows", "--compress=LZX");

        String added = execute(startedConsoleBundle(), "image-add " + wim + " --accept-eula --name 'Registry "
                + System.nanoTime() + "'");
        String id = added.split(" ")[1];
        ImageCatalog catalog = await(startedConsoleBundle(), ImageCatalog.class);
        try {
            String show = execute(startedConsoleBundle(), "image-show " + id);
            for (String row : List.of("Product name\\s+Windows 10 Enterprise", "Edition ID\\s+Enterprise",
                    "Installation type\\s+Client", "Build\\s+26100\\.4317", "Display version\\s+24H2",
                    "Languages\\s+de-DE, en-US")) {
                assertTrue(show.lines().anyMatch(l -> l.matches(row)), row + " not in\n" + show);
            }

            String currentVersion = execute(startedConsoleBundle(), "fenestra:image-registry " + id
                    + " SOFTWARE 'Microsoft\\Windows NT\\CurrentVersion'");
            assertTrue(currentVersion.lines().anyMatch("\"UBR\"=dword:000010dd"::equals), currentVersion);
            assertTrue(currentVersion.lines().anyMatch("\"EditionID\"=\"Enterprise\""::equals), currentVersion);
            assertTrue(currentVersion.contains("Subkeys (0)") || currentVersion.contains("No subkeys."), currentVersion);

            String languages = execute(startedConsoleBundle(), "fenestra:image-registry " + id + " --index 1"
                    + " Windows/System32/config/SYSTEM 'ControlSet001\\Control\\MUI\\UILanguages'");
            assertEquals("Subkeys (2):\n  de-DE\n  en-US", languages.strip());

            ImageRegistryException noFile = assertThrows(ImageRegistryException.class,
                    () -> execute(startedConsoleBundle(), "fenestra:image-registry " + id + " NTUSER Software"));
            assertEquals(ImageRegistryException.Reason.NO_SUCH_FILE, noFile.reason());
            assertTrue(noFile.getMessage().contains("Users/Default/NTUSER.DAT"), noFile.getMessage());
            ImageRegistryException notAHive = assertThrows(ImageRegistryException.class, () -> execute(
                    startedConsoleBundle(), "fenestra:image-registry " + id + " Windows/System32/kernel32.dll X"));
            assertEquals(ImageRegistryException.Reason.NOT_A_HIVE, notAHive.reason());
            Exception noKey = assertThrows(IllegalArgumentException.class, () -> execute(startedConsoleBundle(),
                    "fenestra:image-registry " + id + " SYSTEM 'No\\Such\\Key'"));
            assertTrue(noKey.getMessage().contains("has no key \\No\\Such\\Key"), noKey.getMessage());
            ImageRegistryException badIndex = assertThrows(ImageRegistryException.class, () -> execute(
                    startedConsoleBundle(), "fenestra:image-registry " + id + " --index 4 SYSTEM Select"));
            assertEquals(ImageRegistryException.Reason.INDEX_OUT_OF_RANGE, badIndex.reason());
        } finally {
            catalog.remove(id);
        }
        ImageRegistryException gone = assertThrows(ImageRegistryException.class,
                () -> execute(startedConsoleBundle(), "fenestra:image-registry " + id + " SYSTEM Select"));
        assertEquals(ImageRegistryException.Reason.NO_SUCH_IMAGE, gone.reason());
    }

    static void wimlib(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("wimlib-imagex"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }
}
