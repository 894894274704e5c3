package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.registry.testing.SyntheticWindowsTree;

/** WIMs of the synthetic Windows tree, captured by wimlib-imagex, for the image facts tests. */
final class SyntheticWims {

    private SyntheticWims() {
    }

    /**
     * A WIM at {@code wim} holding the synthetic Windows tree as index 1 (with {@code software} as its
     * SOFTWARE hive when not null) and a tree without Windows as index 2.
     */
    static Path capture(Path work, Path wim, SyntheticWindowsTree.Spec spec, byte[] software)
            throws IOException, InterruptedException {
        Path windows = Files.createDirectories(work.resolve("windows-tree"));
        Path hive = SyntheticWindowsTree.write(windows, spec);
        if (software != null) {
            Files.write(hive, software);
        }
        Path plain = Files.createDirectories(work.resolve("plain-tree/data"));
        Files.writeString(plain.resolve("readme.txt"), "no Windows here");
        Files.createDirectories(wim.getParent());
        Wimlib.run("capture", windows.toString(), wim.toString(), "Synthetic Windows", "--compress=LZX");
        Wimlib.run("append", work.resolve("plain-tree").toString(), wim.toString(), "Plain tree");
        return wim;
    }

    /** The facts the importer must store for {@code spec}'s tree. */
    static ImageFacts expected(SyntheticWindowsTree.Spec spec) {
        return new ImageFacts(spec.productName(), spec.editionId(), spec.installationType(), spec.build(), spec.ubr(),
                spec.displayVersion(), spec.languages().stream().sorted().toList());
    }
}
