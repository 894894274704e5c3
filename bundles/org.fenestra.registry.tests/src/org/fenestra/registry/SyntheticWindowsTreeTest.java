package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic tree's hives are valid for hivex and say what the spec says. */
class SyntheticWindowsTreeTest {
    @TempDir
    Path root;

    @Test
    void hivesAreReadByHivexAndCarryTheFacts() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path software = SyntheticWindowsTree.write(root, spec);
        Path system = root.resolve("Windows/System32/config/SYSTEM");
        assertEquals(Hivex.dump(Hive.open(software).root()), Hivex.dump(software));
        assertEquals(Hivex.dump(Hive.open(system).root()), Hivex.dump(system));
        assertEquals("4317\n", Hivex.run(List.of("hivexget", software.toString(),
            "\\Microsoft\\Windows NT\\CurrentVersion", "UBR"), null));
        assertEquals("Enterprise\n", Hivex.run(List.of("hivexget", software.toString(),
            "\\Microsoft\\Windows NT\\CurrentVersion", "EditionID"), null));

        RegistryKey languages = Hive.open(system).key("ControlSet001\\Control\\MUI\\UILanguages").orElseThrow();
        assertEquals(List.of("de-DE", "en-US"), languages.subkeys().stream().map(RegistryKey::name).toList());
        try (var mums = Files.list(root.resolve("Windows/servicing/Packages"))) {
            List<Path> files = mums.toList();
            assertEquals(3, files.size());
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString()
                .equals("Package_for_RollupFix~31bf3856ad364e35~amd64~~26100.4317.1.10.mum")));
        }
    }
}
