package org.fenestra.wim.internal.windows;

import java.io.IOException;
import java.util.List;

/** A file or directory of a tree being inspected: a WIM image's entry or a file on disk. */
public interface TreeNode {

    String name();

    boolean isDirectory();

    /** The entries of a directory (empty for a file). */
    List<TreeNode> children() throws IOException;

    /**
     * The file's whole content.
     *
     * @throws UnreadableFileException if it is larger than {@code maxBytes} or its data is damaged
     * @throws IOException if the tree itself cannot be read
     */
    byte[] read(long maxBytes) throws IOException;

    /** The child of that name, compared ignoring case as Windows does; null if absent. */
    default TreeNode child(String childName) throws IOException {
        for (TreeNode c : children()) {
            if (c.name().equalsIgnoreCase(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Where the node is, for messages. */
    String path();
}
