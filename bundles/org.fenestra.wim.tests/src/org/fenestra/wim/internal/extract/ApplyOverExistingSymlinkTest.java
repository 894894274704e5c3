package org.fenestra.wim.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.wim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying over an existing target must replace a symlink standing where a file goes, never
 * write through it (that would change a file outside the target directory).
 */
class ApplyOverExistingSymlinkTest {

    @TempDir
    Path tmp;

    @Test
    void symlinkAtAFilesPlaceIsReplacedNotFollowed() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "must stay");
        Path target = Files.createDirectories(tmp.resolve("target"));
        Files.createSymbolicLink(target.resolve("readme.txt"), outside);

        Fixtures.Run run = Fixtures.cli("apply", Fixtures.path("lzx.wim").toString(), target.toString());

        assertEquals(0, run.rc(), run.stderr());
        assertEquals("must stay", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(target.resolve("readme.txt")));
    }
}
