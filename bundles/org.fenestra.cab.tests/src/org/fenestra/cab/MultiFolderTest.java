package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several folders in one cabinet (gcab writes one per cabinet: its folders are put together),
 * MSZIP and stored side by side, with and without reserve areas; cabextract is the oracle.
 */
class MultiFolderTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Tools.assumePresent();
    }

    @ParameterizedTest(name = "reserve={0}")
    @ValueSource(booleans = {false, true})
    void foldersExtractLikeCabextract(boolean reserve) throws Exception {
        CabBuilder builder = new CabBuilder();
        if (reserve) {
            builder.reserve(20, 7, 3);
        }
        List<CabBuilder.FileRecord> files = new ArrayList<>();
        boolean[] mszip = {true, false, true, true};
        for (int f = 0; f < mszip.length; f++) {
            Path tree = Trees.typical(dir.resolve("tree" + f), 5 + f, 150_000 * (f + 1));
            Trees.write(tree, "folder" + f + ".txt", Trees.mixed(f, 1000));
            Path cab = Tools.gcab(tree, dir.resolve("part" + f + ".cab"), mszip[f]);
            List<CabBuilder.FileRecord> partFiles = new ArrayList<>();
            CabBuilder.Folder folder = CabBuilder.gcabFolder(cab, partFiles, f);
            builder.folder(folder.typeCompress(), folder.blocks());
            for (CabBuilder.FileRecord r : partFiles) {
                // Same names in every part: each part's files go to their own folder.
                files.add(new CabBuilder.FileRecord("part" + f + "\\" + r.name(), r.size(), r.folderOffset(),
                        r.folder(), r.date(), r.time(), r.attributes()));
            }
        }
        files.forEach(builder::file);
        Path cab = builder.write(dir.resolve("multi.cab"));
        Path theirs = Tools.cabextract(cab, dir.resolve("theirs"));
        try (Cabinet c = Cabinet.open(cab)) {
            assertEquals(4, c.folderCount());
            assertEquals(files.size(), c.entries().size());
            ExtractReport r = c.extractAll(dir.resolve("ours"), CabProgress.NONE);
            assertEquals(files.size(), r.files());
        }
        Trees.assertSameTree(theirs, dir.resolve("ours"));
        for (int f = 0; f < mszip.length; f++) {
            Trees.assertSameTree(dir.resolve("tree" + f), dir.resolve("ours/part" + f));
        }
    }
}
