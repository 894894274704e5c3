package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.smb.samba.SambaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image commands on UNC paths, typed as an admin would in Gogo, against a real loopback smbd. */
class UncImageCommandsTest {

    private static SambaServer samba;

    @BeforeAll
    static void startSamba() throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        samba = SambaServer.start();
        System.setProperty("fenestra.smb.127.0.0.1.port", String.valueOf(samba.port()));
        System.setProperty("fenestra.smb.127.0.0.1.user", SambaServer.USER);
        System.setProperty("fenestra.smb.127.0.0.1.password", SambaServer.PASSWORD);
        Files.copy(Path.of("data", "multi.wim"), samba.imagesFolder().resolve("multi.wim"));
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (samba != null) {
            samba.close();
        }
    }

    @Test
    void indexesTakeQuotedUncWithSlashesOrBackslashes() throws Exception {
        // Unquoted, Gogo reads "//" as a comment and "\" as an escape: admins quote UNC paths.
        for (String path : new String[] { "'//127.0.0.1/images/multi.wim'", "'\\\\127.0.0.1\\images\\multi.wim'",
                "\"\\\\\\\\127.0.0.1\\\\images\\\\multi.wim\"" }) {
            String indexes = execute(startedConsoleBundle(), "fenestra:image-indexes " + path);
            assertTrue(indexes.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("modified") && l.contains("yes")),
                    path + ":\n" + indexes);
            assertEquals(4, indexes.lines().count(), indexes);
        }
    }

    @Test
    void addExtractsOntoTheShare() throws Exception {
        String name = "Console UNC " + System.nanoTime();
        String added = execute(startedConsoleBundle(), "fenestra:image-add '\\\\127.0.0.1\\images\\multi.wim'"
                + " --accept-eula --index 3 --architecture x64 --name '" + name + "'");
        assertTrue(added.contains("\\\\127.0.0.1\\images\\multi-index3.wim"), added);
        assertTrue(Files.isRegularFile(samba.imagesFolder().resolve("multi-index3.wim")));
        ImageCatalog catalog = await(startedConsoleBundle(), ImageCatalog.class);
        OsImageRecord record = catalog.findByName(name).orElseThrow();
        assertEquals(3, record.sourceIndex());
        assertEquals(1, record.imageIndex());
        String removed = execute(startedConsoleBundle(), "fenestra:image-remove " + record.id());
        assertTrue(removed.contains("deleted \\\\127.0.0.1\\images\\multi-index3.wim"), removed);
        // SMB deletes on close: while another handle is open (the updates import scan reading the new
        // image's packages), the file stays until that handle closes, so give it a moment.
        Path extracted = samba.imagesFolder().resolve("multi-index3.wim");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (Files.exists(extracted) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.notExists(extracted), "removal deletes it on the share");
    }
}
