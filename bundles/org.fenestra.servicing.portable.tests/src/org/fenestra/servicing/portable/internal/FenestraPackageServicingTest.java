package org.fenestra.servicing.portable.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.RegistryValue;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fenestra packages applied by the portable servicer to an image with a real SOFTWARE hive (made
 * with org.fenestra.registry), checked with wimlib-imagex: dir shows what was added and deleted,
 * extracted bytes are the package's, the hive holds the imported values, verify passes.
 */
class FenestraPackageServicingTest {

    private static final String HIVE = "Windows/System32/config/SOFTWARE";
    private static final String REG = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Agent]\r\n\"Version\"=\"2.1\"\r\n\"Port\"=dword:00001f90\r\n";

    @TempDir
    Path folder;
    private Path wim;
    private Path work;

    @BeforeEach
    void makeImage() throws Exception {
        Path tree = TestImages.windowsTree(folder.resolve("tree"));
        Files.createDirectories(tree.resolve(HIVE).getParent());
        try (HiveEdit edit = Hive.create("ROOT").edit()) {
            edit.createKey("Microsoft\\Windows NT\\CurrentVersion");
            edit.setValue("Microsoft\\Windows NT\\CurrentVersion", RegistryValue.string("ProductName", "Windows 11 Enterprise"));
            edit.commitTo(tree.resolve(HIVE));
        }
        Files.createDirectories(tree.resolve("Windows/Empty"));
        wim = WimTool.capture(tree, folder.resolve("install.wim"), "Windows 11 Enterprise");
        work = Files.createDirectories(folder.resolve("work"));
    }

    @Test
    void addReplaceDeleteAndRegistryLandInTheImage() throws Exception {
        byte[] agent = "MZ agent 2.1".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        byte[] hosts = "127.0.0.1 localhost contoso\n".getBytes(StandardCharsets.US_ASCII);
        FenestraPackageFile file = new FenestraPackageFile("FPK-2026-11", "Contoso-Agent", "2.1.0.0")
                .add("Program Files/Contoso/agent.exe", agent)
                .replace("windows/system32/DRIVERS/etc/HOSTS", hosts) // paths compare ignoring case, as on Windows
                .delete(TestImages.OLD_LOG)
                .delete("Windows/Empty")
                .registry("SOFTWARE", REG);
        PackageOutcome outcome;
        try (ServicingSession session = new PortableImageServicer().open(wim, 1, work, WimProgress.NONE)) {
            outcome = session.addPackage(new ServicingPackage("UPD00001", file.write(folder.resolve("p.fpkg")),
                    PackageType.FENESTRA), WimProgress.NONE);
            session.commit(WimProgress.NONE);
        }
        assertEquals(PackageOutcome.Result.APPLIED, outcome.result());
        assertEquals(List.of(1, 2, 2), List.of(outcome.filesAdded(), outcome.filesChanged(), outcome.filesRemoved()));
        WimTool.verify(wim);
        List<String> dir = WimTool.dir(wim, 1);
        assertTrue(dir.contains("/Program Files/Contoso/agent.exe"), dir.toString());
        assertFalse(dir.contains("/" + TestImages.OLD_LOG));
        assertFalse(dir.contains("/Windows/Empty"));
        assertFalse(dir.stream().anyMatch(p -> p.equalsIgnoreCase("/windows/system32/DRIVERS/etc/HOSTS") && !p.equals("/" + TestImages.HOSTS)),
                "the replaced file keeps the image's spelling, no twin is made");
        assertTrue(dir.contains("/Windows/servicing/Fenestra/" + file.identity() + ".xml"), "the package's record");
        Path out = Files.createDirectories(folder.resolve("out"));
        assertArrayEquals(agent, Files.readAllBytes(WimTool.extract(wim, 1, "/Program Files/Contoso/agent.exe", out)));
        assertArrayEquals(hosts, Files.readAllBytes(WimTool.extract(wim, 1, "/" + TestImages.HOSTS, out)));
        Hive hive = Hive.open(WimTool.extract(wim, 1, "/" + HIVE, out));
        assertEquals("2.1", hive.key("Contoso\\Agent").orElseThrow().value("Version").orElseThrow().asString());
        assertEquals(8080, hive.key("Contoso\\Agent").orElseThrow().value("Port").orElseThrow().asDword());
        assertEquals("Windows 11 Enterprise", hive.key("Microsoft\\Windows NT\\CurrentVersion").orElseThrow()
                .value("ProductName").orElseThrow().asString(), "what the hive held stays");
    }

    @Test
    void aPackageThatDoesNotFitChangesNothing() throws Exception {
        byte[] before = sha256(wim);
        List<FenestraPackageFile> misfits = List.of(
                new FenestraPackageFile("FPK-A", "A", "1.0.0.0").add("Program Files/new.txt", new byte[10])
                        .add(TestImages.HOSTS, new byte[5]), // exists: add must not overwrite
                new FenestraPackageFile("FPK-B", "B", "1.0.0.0").replace("Windows/missing.dll", new byte[5]),
                new FenestraPackageFile("FPK-C", "C", "1.0.0.0").delete("Windows/System32"), // not empty
                new FenestraPackageFile("FPK-D", "D", "1.0.0.0").add("Program Files/x.txt", new byte[3])
                        .registry("SYSTEM", REG.replace("SOFTWARE", "SYSTEM"))); // the image has no SYSTEM hive
        try (ServicingSession session = new PortableImageServicer().open(wim, 1, work, WimProgress.NONE)) {
            for (FenestraPackageFile misfit : misfits) {
                ServicingPackage pkg = new ServicingPackage("UPD-X", misfit.write(folder.resolve("x.fpkg")), PackageType.FENESTRA);
                ServicingException failure = assertThrows(ServicingException.class, () -> session.addPackage(pkg, WimProgress.NONE));
                assertEquals(Reason.NOT_APPLICABLE, failure.reason(), failure.getMessage());
                assertArrayEquals(before, sha256(wim), "after " + failure.getMessage());
            }
            ServicingPackage badReg = new ServicingPackage("UPD-R", new FenestraPackageFile("FPK-R", "R", "1.0.0.0")
                    .add("Program Files/y.txt", new byte[3]).registry("SOFTWARE", "REGEDIT4\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\nbroken line\r\n")
                    .write(folder.resolve("r.fpkg")), PackageType.FENESTRA);
            assertEquals(Reason.BAD_PACKAGE, assertThrows(ServicingException.class,
                    () -> session.addPackage(badReg, WimProgress.NONE)).reason());
            session.commit(WimProgress.NONE);
        }
        assertArrayEquals(before, sha256(wim));
    }

    @Test
    void cbsMsuAndPsfxPackagesNeedDism() throws Exception {
        for (PackageType type : List.of(PackageType.CBS, PackageType.MSU, PackageType.PSFX)) {
            assertTrue(new PortableImageServicer().supports(type).reason().contains("needs the DISM servicer"), type.name());
        }
        assertTrue(new PortableImageServicer().supports(PackageType.FENESTRA).supported());
    }

    private static byte[] sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
        }
    }
}
