package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regedit files: parsed in both encodings, applied, exported, and read by hivexregedit alike. */
class RegFileTest {
    @TempDir
    Path dir;

    private static final String SAMPLE = """
        Windows Registry Editor Version 5.00

        ; a comment
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\App]
        @="default"
        "Path"="C:\\\\Program Files\\\\Contoso \\"quoted\\""
        "Count"=dword:0000002a
        "Blob"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\
          17,18,19,1a
        "Expand"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\\
          00,25,00,00,00
        "Multi"=hex(7):61,00,00,00,62,00,00,00,00,00
        "Quad"=hex(b):2a,00,00,00,00,00,00,00
        "Odd"=hex(12345):ff

        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Old]
        "x"="y"

        [-HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Old]

        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\App]
        "Quad"=-
        """;

    private static Hive applied(String text, String prefix) throws Exception {
        Hive hive = Hive.create("ROOT");
        try (HiveEdit edit = hive.edit()) {
            RegFile.parse(text).applyTo(edit, prefix);
            edit.commitTo(Files.createTempFile("reg", ".hive"));
        }
        return hive;
    }

    @Test
    void everyKindOfLineIsApplied() throws Exception {
        Hive hive = applied(SAMPLE, "HKEY_LOCAL_MACHINE\\SOFTWARE");
        RegistryKey app = hive.key("Contoso\\App").orElseThrow();
        assertEquals("default", app.value("").orElseThrow().asString());
        assertEquals("C:\\Program Files\\Contoso \"quoted\"", app.value("path").orElseThrow().asString());
        assertEquals(42, app.value("Count").orElseThrow().asDword());
        assertEquals(27, app.value("Blob").orElseThrow().size());
        assertEquals("%SystemRoot%", app.value("Expand").orElseThrow().asString());
        assertEquals(List.of("a", "b"), app.value("Multi").orElseThrow().asMultiString());
        assertEquals(0x12345, app.value("Odd").orElseThrow().type());
        assertTrue(app.value("Quad").isEmpty());
        assertTrue(hive.key("Contoso\\Old").isEmpty());
    }

    @Test
    void utf16WithByteOrderMarkAndCrLfReadsLikeUtf8() throws Exception {
        byte[] text = ("\uFEFF" + SAMPLE.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE);
        Hive utf16 = Hive.create("ROOT");
        try (HiveEdit edit = utf16.edit()) {
            RegFile.parse(text).applyTo(edit, "HKEY_LOCAL_MACHINE\\SOFTWARE");
            edit.commitTo(dir.resolve("a"));
        }
        assertEquals(Hivex.dump(applied(SAMPLE, "HKEY_LOCAL_MACHINE\\SOFTWARE").root()), Hivex.dump(utf16.root()));
    }

    @Test
    void exportParsesBackToTheSameHiveAndHivexMergesItAlike() throws Exception {
        Hive hive = applied(SAMPLE, "HKEY_LOCAL_MACHINE\\SOFTWARE");
        try (HiveEdit edit = hive.edit()) {
            edit.setValue("Contoso", RegistryValue.binary("Long", new byte[5000]));
            edit.setValue("Contoso", new RegistryValue("NotText", RegistryValueType.SZ, new byte[] {0x41, 0, 0x0A, 0, 0, 0}));
            edit.commitTo(dir.resolve("source"));
        }
        StringBuilder export = new StringBuilder();
        RegFile.export(hive.root(), "", export);
        assertTrue(export.toString().startsWith("Windows Registry Editor Version 5.00\n\n[\\]\n"), export.toString());
        assertTrue(export.toString().contains("\"Count\"=dword:0000002a\n"));
        assertTrue(export.toString().contains("\"NotText\"=hex(1):41,00,0a,00,00,00\n"));
        assertTrue(export.toString().lines().allMatch(line -> line.length() <= 80), "lines wrapped at 80 columns");

        Path merged = dir.resolve("merged");
        try (HiveEdit edit = Hive.create("ROOT").edit()) {
            edit.commitTo(merged);
        }
        Path reg = dir.resolve("export.reg");
        Files.writeString(reg, export.toString().replace("[\\]\n\n", ""), StandardCharsets.UTF_8);
        Hivex.merge(merged, reg);
        Hivex.assertSameDump(Hivex.dump(hive.root()), Hivex.dump(merged), "hivex merges our export alike");

        // Not through hivexregedit: it takes a UTF-8 file's string bytes for Latin-1.
        try (HiveEdit edit = hive.edit()) {
            edit.setValue("Contoso", RegistryValue.string("Ünïcödé", "日本語"));
            edit.commit();
        }
        StringBuilder unicode = new StringBuilder();
        RegFile.export(hive.root(), "", unicode);
        Hive back = applied(unicode.toString(), "");
        Hivex.assertSameDump(Hivex.dump(hive.root()), Hivex.dump(back.root()), "our export parses back");
    }

    @Test
    void exportOfOneKeyWithPrefix() throws Exception {
        Hive hive = applied(SAMPLE, "HKEY_LOCAL_MACHINE\\SOFTWARE");
        StringBuilder out = new StringBuilder();
        RegFile.export(hive.key("Contoso").orElseThrow(), "HKEY_LOCAL_MACHINE\\SOFTWARE", out, "\r\n");
        assertTrue(out.toString().contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\App]\r\n@=\"default\"\r\n"), out.toString());
    }

    @Test
    void badFilesGiveTheLine() {
        RegFileException e = assertThrows(RegFileException.class, () -> RegFile.parse("hello\n"));
        assertEquals(1, e.line());
        e = assertThrows(RegFileException.class, () -> RegFile.parse(
            "Windows Registry Editor Version 5.00\n\n[A]\n\"x\"=hex:1,2\n"));
        assertEquals(4, e.line());
        e = assertThrows(RegFileException.class, () -> RegFile.parse(
            "Windows Registry Editor Version 5.00\n\"x\"=dword:1\n"));
        assertTrue(e.getMessage().contains("outside a [KEY]"), e.getMessage());
        e = assertThrows(RegFileException.class, () -> RegFile.parse(
            "Windows Registry Editor Version 5.00\n[A]\n\"x\"=\"unterminated\n"));
        assertEquals(3, e.line());
        assertThrows(RegFileException.class, () -> RegFile.parse(new byte[] {(byte) 0xC3, 0x28}));
        RegFileException notUnder = assertThrows(RegFileException.class,
            () -> applied("Windows Registry Editor Version 5.00\n[HKEY_CURRENT_USER\\X]\n", "HKEY_LOCAL_MACHINE\\SOFTWARE"));
        assertEquals(2, notUnder.line());
    }

    @Test
    void hexDataAcrossContinuationLinesKeepsEveryByte() throws Exception {
        Hive hive = applied(SAMPLE, "HKEY_LOCAL_MACHINE\\SOFTWARE");
        RegistryValue blob = hive.key("Contoso\\App").orElseThrow().value("Blob").orElseThrow();
        byte[] expected = new byte[27];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        assertArrayEquals(expected, blob.data());
    }
}
