package org.fenestra.wim.internal.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.registry.DirtyHiveException;
import org.fenestra.registry.Hive;

/** Opens a hive file of a tree in memory, brought up to date from its .LOG1/.LOG2 beside it when dirty. */
public final class HiveFiles {

    private HiveFiles() {
    }

    /**
     * @param folder the folder holding {@code file} (where its logs are)
     * @throws org.fenestra.registry.HiveException if the hive is corrupt, or dirty without usable logs
     * @throws UnreadableFileException if a file is too large or damaged in the tree
     */
    public static Hive open(TreeNode file, TreeNode folder, long maxBytes) throws IOException {
        byte[] bytes = file.read(maxBytes);
        try {
            return Hive.read(bytes);
        } catch (DirtyHiveException dirty) {
            List<byte[]> logs = new ArrayList<>();
            for (String suffix : List.of(".LOG1", ".LOG2")) {
                TreeNode log = folder == null ? null : folder.child(file.name() + suffix);
                if (log != null && !log.isDirectory()) {
                    logs.add(log.read(maxBytes));
                }
            }
            if (logs.isEmpty()) {
                throw dirty;
            }
            return Hive.read(bytes, logs);
        }
    }
}
