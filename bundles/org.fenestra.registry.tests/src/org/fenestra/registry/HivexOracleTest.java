package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hives written by us read by hivex and the other way round, compared key by key and byte by byte. */
class HivexOracleTest {
    @TempDir
    Path dir;

    @Test
    void hiveWeWriteIsReadByHivexAsWeReadIt() throws Exception {
        Path file = dir.resolve("SOFTWARE");
        Hive hive = Hive.create("CMI-CreateHive{199DAFC2-6F16-4946-BF90-5A3FC3A60902}");
        try (HiveEdit edit = hive.edit()) {
            String cv = "Microsoft\\Windows NT\\CurrentVersion";
            edit.createKey(cv);
            edit.setValue(cv, RegistryValue.string("ProductName", "Windows 11 Enterprise"));
            edit.setValue(cv, RegistryValue.string("EditionID", "Enterprise"));
            edit.setValue(cv, RegistryValue.dword("UBR", 4317));
            edit.setValue(cv, RegistryValue.qword("InstallTime", 133_000_000_000_000_000L));
            edit.setValue(cv, RegistryValue.expandString("PathName", "%SystemRoot%"));
            edit.setValue(cv, RegistryValue.multiString("Languages", List.of("en-US", "de-DE")));
            edit.setValue(cv, RegistryValue.binary("DigitalProductId", new byte[164]));
            edit.setValue(cv, new RegistryValue("", RegistryValueType.SZ, "default\0".getBytes(StandardCharsets.UTF_16LE)));
            edit.setValue(cv, new RegistryValue("Unknown", 0x00FF_0013, new byte[] {1, 2, 3}));
            edit.setValue(cv, new RegistryValue("Grüße 日本", RegistryValueType.DWORD_BIG_ENDIAN, new byte[] {0, 0, 1, 0}));
            byte[] big = new byte[200_000];
            new java.util.Random(1).nextBytes(big);
            edit.setValue(cv, RegistryValue.binary("Big", big));
            edit.setValue(cv, RegistryValue.binary("JustOverOneSegment", java.util.Arrays.copyOf(big, 16_345)));
            for (int i = 0; i < 2500; i++) { // more than one lh leaf: an ri list
                edit.createKey("Classes\\.ext" + i);
            }
            edit.createKey("Ünïcödé\\日本語\\Ω");
            edit.commitTo(file);
        }
        Hivex.assertSameDump(Hivex.dump(Hive.open(file).root()), Hivex.dump(file), "hivex reads our hive as we do");
        assertTrue(Hivex.export(file).contains("[\\Classes\\.ext2499]"));
    }

    @Test
    void hiveHivexChangedIsReadAsHivexReadsIt() throws Exception {
        Path file = dir.resolve("SYSTEM");
        try (HiveEdit edit = Hive.create("ROOT").edit()) {
            edit.createKey("ControlSet001\\Control");
            edit.setValue("ControlSet001\\Control", RegistryValue.string("SystemBootDevice", "multi(0)"));
            edit.commitTo(file);
        }
        Hivex.shell(file, """
            cd \\ControlSet001
            add Services
            cd Services
            add Tcpip
            cd Tcpip
            setval 3
            Start
            dword:0x2
            ImagePath
            expandstring:System32\\drivers\\tcpip.sys
            Blob
            hex:3:00,01,02,ff
            cd \\ControlSet001\\Control
            del
            commit
            """);
        Hive hive = Hive.open(file);
        Hivex.assertSameDump(Hivex.dump(file), Hivex.dump(hive.root()), "we read hivex's hive as it does");
        assertEquals(2, hive.key("controlset001\\services\\tcpip").orElseThrow().value("start").orElseThrow().asDword());
        assertTrue(hive.key("ControlSet001\\Control").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomEditsGiveTheSameHiveThroughUsAndThroughHivex(long seed) throws Exception {
        RandomEdits edits = new RandomEdits(seed).generate(4000);
        Path ours = dir.resolve("ours-" + seed);
        Path theirs = dir.resolve("theirs-" + seed);
        Hive hive = Hive.create("ROOT");
        try (HiveEdit edit = hive.edit()) {
            edit.commitTo(ours);
        }
        Files.copy(ours, theirs);
        // Ours in three transactions, reopening the file each time.
        int n = edits.edits.size();
        for (int part = 0; part < 3; part++) {
            try (HiveEdit edit = Hive.open(ours).edit()) {
                edits.apply(edit, part * n / 3, (part + 1) * n / 3);
                edit.commit();
            }
        }
        Path reg = dir.resolve("edits-" + seed + ".reg");
        Files.writeString(reg, edits.regFile(), StandardCharsets.UTF_8);
        Hivex.merge(theirs, reg);

        String oursByUs = Hivex.dump(Hive.open(ours).root());
        Hivex.assertSameDump(oursByUs, Hivex.dump(ours), "hivex reads our hive as we do");
        Hivex.assertSameDump(Hivex.dump(theirs), Hivex.dump(Hive.open(theirs).root()), "we read hivex's hive as it does");
        Hivex.assertSameDump(Hivex.dump(theirs), oursByUs, "the same edits give the same hive");
        Hivex.assertSameDump(Hivex.export(theirs), Hivex.export(ours), "hivexregedit exports both alike");
    }
}
