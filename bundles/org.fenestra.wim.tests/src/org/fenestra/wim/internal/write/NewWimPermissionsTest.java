package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new WIM gets the permissions of any new file of this process (as wimlib's do), not those of
 * a private temporary file: an image on a shared folder must be readable by the other accounts
 * that read it.
 */
class NewWimPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void aCapturedWimHasTheDefaultPermissionsOfANewFile() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "a");
        Path plain = Files.createFile(dir.resolve("plain-new-file"));
        Path wim = dir.resolve("new.wim");

        assertEquals(0, Fixtures.cli("capture", tree.toString(), wim.toString()).rc());

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(wim));
    }
}
