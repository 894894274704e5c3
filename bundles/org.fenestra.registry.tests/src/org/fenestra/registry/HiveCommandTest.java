package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.registry.internal.cli.HiveCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fenestra hive}: new, import, export, get; the exit status and messages. */
class HiveCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int rc = new HiveCommand(stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @Test
    void newImportExportGet() throws Exception {
        Path hive = dir.resolve("SOFTWARE");
        assertEquals(0, run("new", hive.toString(), "CMI-CreateHive{6A1C4018-979D-4291-A7DC-7AED1C75B67C}"));
        Hivex.dump(hive); // hivex opens it
        Path reg = dir.resolve("in.reg");
        Files.writeString(reg, """
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
            "ProductName"="Windows 11 Pro"
            "CurrentBuildNumber"="26100"
            "UBR"=dword:000010dd
            "Languages"=hex(7):65,00,6e,00,2d,00,55,00,53,00,00,00,00,00
            """);
        assertEquals(0, run("import", hive.toString(), reg.toString(), "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE"), err);
        assertEquals(0, run("get", hive.toString(), "microsoft\\windows nt\\currentversion", "UBR"));
        assertEquals("4317\n", out);
        assertEquals(0, run("get", hive.toString(), "Microsoft\\Windows NT\\CurrentVersion", "ProductName"));
        assertEquals("Windows 11 Pro\n", out);
        assertEquals(0, run("get", hive.toString(), "Microsoft\\Windows NT\\CurrentVersion"));
        assertTrue(out.contains("\"UBR\"=dword:000010dd\n"), out);
        assertEquals(0, run("export", hive.toString(), "Microsoft", "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE"));
        assertTrue(out.startsWith("Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]\n"), out);
        assertTrue(out.contains("\"ProductName\"=\"Windows 11 Pro\"\n"), out);

        assertEquals(0, run("export", hive.toString(), "--utf16"));
        byte[] utf16 = out.getBytes(StandardCharsets.UTF_8);
        assertTrue(utf16.length > 0);

        // Export then import into a new hive gives the same hive (hivex's view).
        assertEquals(0, run("export", hive.toString()));
        Path exported = dir.resolve("out.reg");
        Files.writeString(exported, out);
        Path copy = dir.resolve("COPY");
        assertEquals(0, run("new", copy.toString()));
        assertEquals(0, run("import", copy.toString(), exported.toString()), err);
        assertEquals(Hivex.dump(hive), Hivex.dump(copy));
    }

    @Test
    void failuresAndUsage() throws Exception {
        Path hive = dir.resolve("h");
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(1, run("get", dir.resolve("missing").toString(), "X"));
        assertTrue(err.startsWith("fenestra hive: "), err);
        assertEquals(0, run("new", hive.toString()));
        assertEquals(1, run("new", hive.toString()));
        assertTrue(err.contains("already exists"), err);
        assertEquals(1, run("get", hive.toString(), "No\\Such"));
        assertTrue(err.contains("no such key"), err);
        Path bad = dir.resolve("bad.reg");
        Files.writeString(bad, "Windows Registry Editor Version 5.00\n[X]\n\"v\"=dword:xyz\n");
        byte[] before = Files.readAllBytes(hive);
        assertEquals(1, run("import", hive.toString(), bad.toString()));
        assertTrue(err.contains("line 3"), err);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(hive)));
        Path notHive = dir.resolve("not-a-hive");
        Files.writeString(notHive, "hello");
        assertEquals(1, run("export", notHive.toString()));
        assertTrue(err.contains("base block"), err);
    }
}
