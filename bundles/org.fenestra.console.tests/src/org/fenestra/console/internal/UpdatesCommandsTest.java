package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The software updates commands against the real services (catalog in H2 under target/): Fenestra
 * packages written here, an image captured with wimlib-imagex whose tree holds a servicing package.
 */
class UpdatesCommandsTest {

    @TempDir
    Path work;

    @Test
    void anAdminAddsASourceSynchronizesListsAndDownloads() throws Exception {
        BundleContext context = startedConsoleBundle();
        Path source = Files.createDirectories(work.resolve("monthly"));
        fpkg(source.resolve("contoso-1.fpkg"), "FPK-1", "neutral", "");
        fpkg(source.resolve("contoso-2.fpkg"), "FPK-2", "amd64", "<supersedes article=\"FPK-1\"/>");
        String name = "monthly-" + System.nanoTime();

        assertTrue(execute(context, "fenestra:updates-source-add " + source + " --name " + name).contains("Added update source"));
        assertTrue(execute(context, "updates-source-list").lines().anyMatch(l -> l.startsWith(name) && l.contains("never")));
        String synced = execute(context, "updates-sync " + name);
        assertTrue(synced.contains("2 added, 0 changed, 0 unchanged, 0 expired (2 files read)"), synced);
        assertTrue(execute(context, "updates-sync " + name).contains("0 added, 0 changed, 2 unchanged, 0 expired (0 files read)"));

        String listed = execute(context, "updates-list --filter contoso");
        assertTrue(listed.lines().anyMatch(l -> l.contains("FPK-2") && l.contains("FENESTRA") && l.contains("available")), listed);
        assertFalse(listed.contains("FPK-1"), "superseded updates only with --superseded: " + listed);
        String superseded = execute(context, "updates-list --filter contoso --superseded --arch x86");
        assertTrue(superseded.contains("FPK-1") && !superseded.contains("FPK-2"), superseded);
        IllegalArgumentException arch = assertThrows(IllegalArgumentException.class,
                () -> execute(context, "updates-list --arch sparc"));
        assertTrue(arch.getMessage().contains("x86, x64, arm64 or all"), arch.getMessage());

        OsImageRecord image = addImage(context);
        String installed = execute(context, "image-updates " + image.id());
        assertTrue(installed.contains("10.0.22621.2361 x64, 1 package(s)"), installed);
        assertTrue(installed.lines().anyMatch(l -> l.startsWith("KB5030219") && l.contains("at import")), installed);
        String applicable = execute(context, "updates-list --image " + image.id() + " --filter contoso");
        assertTrue(applicable.contains("FPK-2") && !applicable.contains("FPK-1"), applicable);

        String downloaded = execute(context, "updates-download FPK-2");
        assertTrue(downloaded.contains("Downloaded ") && downloaded.contains("newly stored"), downloaded);
        assertTrue(execute(context, "updates-download FPK-2").endsWith("0 bytes newly stored in the content library"));
        assertTrue(execute(context, "updates-list --filter FPK-2").contains("downloaded"));

        String serviced = execute(context, "servicing-now " + image.id() + " --updates FPK-2");
        assertTrue(serviced.contains("SUCCESSFUL") && serviced.lines().anyMatch(l -> l.contains("APPLIED") && l.contains("portable")),
                serviced);
        assertTrue(execute(context, "image-history " + image.id()).lines().anyMatch(l -> l.contains("SUCCESSFUL")
                && l.contains("1/1")));
        String log = execute(context, "servicing-log " + image.id());
        assertTrue(log.contains("SUCCESSFUL") && log.contains("FPK-2") && log.contains("APPLIED"), log);
        // an update applied already is refused before anything starts
        org.fenestra.servicing.api.ServicingException twice = assertThrows(org.fenestra.servicing.api.ServicingException.class,
                () -> execute(context, "servicing-now " + image.id() + " --updates FPK-2"));
        assertTrue(twice.getMessage().contains("is applied to") && twice.getMessage().contains("already"), twice.getMessage());
        // schedule --now runs in this process as servicing-now does: a failed run is a failed command (exit 1);
        // FPK-1 adds the file FPK-2 added
        execute(context, "updates-download FPK-1");
        CommandFailedException again = assertThrows(CommandFailedException.class,
                () -> execute(context, "servicing-schedule " + image.id() + " --updates FPK-1 --now"));
        assertTrue(again.getMessage().contains("FAILED") && again.getMessage().contains("exists"), again.getMessage());
        String failedLog = execute(context, "servicing-log " + image.id());
        assertTrue(failedLog.contains("FAILED") && !failedLog.equals(log), failedLog);
        long firstRun = Long.parseLong(log.substring(4, log.indexOf(' ', 4)));
        assertEquals(log, execute(context, "servicing-log " + image.id() + " --run " + firstRun));
        assertTrue(assertThrows(CommandFailedException.class, () -> execute(context, "servicing-log " + image.id() + " --run 999999"))
                .getMessage().contains("has no run 999999"));
        assertTrue(assertThrows(CommandFailedException.class, () -> execute(context, "servicing-cancel " + image.id()))
                .getMessage().contains("no servicing run is in process"));
        assertTrue(execute(context, "servicing-schedule " + image.id() + " --all-applicable --monthly \"2nd tue +3d 03:00\" --update-dps")
                .contains("monthly 2nd tue +3d 03:00, next run"));
        assertTrue(execute(context, "servicing-status " + image.id()).lines().anyMatch(l -> l.startsWith(image.id())
                && l.contains("SCHEDULED") && l.contains("all applicable")));
        // no run in process: cancel stops the pending monthly schedule
        assertTrue(execute(context, "servicing-cancel " + image.id()).contains("the schedule (monthly 2nd tue +3d 03:00) is cancelled"));
        assertTrue(execute(context, "servicing-status " + image.id()).lines().anyMatch(l -> l.startsWith(image.id())
                && l.contains("CANCELLED")), execute(context, "servicing-status " + image.id()));
        assertTrue(assertThrows(CommandFailedException.class, () -> execute(context, "servicing-cancel " + image.id()))
                .getMessage().contains("no schedule is pending"));

        Files.write(source.resolve("broken.cab"), "MSCF and then nothing a cabinet needs".getBytes(StandardCharsets.US_ASCII));
        CommandFailedException failed = assertThrows(CommandFailedException.class, () -> execute(context, "updates-sync " + name));
        assertTrue(failed.getMessage().contains("1 package(s) not recorded") && failed.getMessage().contains("broken.cab"),
                failed.getMessage());

        execute(context, "updates-source-remove " + name);
        assertFalse(execute(context, "updates-source-list").contains(name));
        await(context, ImageCatalog.class).remove(image.id());
    }

    @Test
    void theServicingDriveIsShownSetAndFallsBackToAutomatic() throws Exception {
        BundleContext context = startedConsoleBundle();
        try {
            assertTrue(execute(context, "servicing-drive automatic").startsWith("servicing drive: Automatic ("));
            Path missing = work.resolve("no-such-drive");
            String fallback = execute(context, "servicing-drive " + missing);
            assertTrue(fallback.contains(missing + " (does not exist: runs use Automatic"), fallback);
            assertEquals("servicing drive: " + work, execute(context, "servicing-drive " + work));
            assertEquals("servicing drive: " + work, execute(context, "servicing-drive"));
            assertTrue(assertThrows(Exception.class, () -> execute(context, "servicing-drive relative/folder")).getMessage()
                    .contains("absolute folder path"));
        } finally {
            execute(context, "servicing-drive automatic"); // a site setting: the other tests use Automatic
        }
    }

    private OsImageRecord addImage(BundleContext context) throws Exception {
        Path tree = Files.createDirectories(work.resolve("tree/Windows/servicing/Packages"));
        Files.writeString(tree.resolve("Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.2361.1.0.mum"), """
                <?xml version="1.0" encoding="utf-8"?>
                <assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
                  <assemblyIdentity name="Package_for_RollupFix" version="22621.2361.1.0" processorArchitecture="amd64"
                                    language="neutral" publicKeyToken="31bf3856ad364e35"/>
                  <package identifier="KB5030219" releaseType="Security Update"/>
                </assembly>
                """);
        Path wim = work.resolve("win11.wim");
        run("wimlib-imagex", "capture", work.resolve("tree").toString(), wim.toString(), "Windows 11");
        run("wimlib-imagex", "info", wim.toString(), "1", "--image-property", "WINDOWS/ARCH=9", "--image-property",
                "WINDOWS/VERSION/MAJOR=10", "--image-property", "WINDOWS/VERSION/BUILD=22621", "--image-property",
                "WINDOWS/VERSION/SPBUILD=2361");
        return await(context, ImageCatalog.class).add(new NewOsImage("Updates console " + System.nanoTime(), "", "",
                wim.toString(), wim.toString(), 1, "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US",
                Files.size(wim), new EulaAcceptance("admin", Instant.now())));
    }

    private static void fpkg(Path file, String id, String arch, String supersedes) throws IOException {
        String manifest = """
                <package xmlns="urn:fenestra:package:1" id="%s" title="Contoso %s">
                  <identity name="Contoso-Agent" version="1.%s.0.0" architecture="%s"/>
                  %s
                  <operations><add path="Program Files/Contoso/agent.txt" source="payload/agent.txt"/></operations>
                </package>
                """.formatted(id, id, id.substring(4), arch, supersedes);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("fenestra-package.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("payload/agent.txt"));
            zip.write(("agent " + id).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), output);
    }
}
