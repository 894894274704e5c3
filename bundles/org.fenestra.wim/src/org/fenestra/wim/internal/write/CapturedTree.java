package org.fenestra.wim.internal.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.internal.windows.TreeNode;
import org.fenestra.wim.internal.windows.UnreadableFileException;

/**
 * A scanned tree about to be captured, as a {@link TreeNode}: what the new image will hold (after
 * exclusions and source lists), so its {@code <WINDOWS>} element describes the image as wimlib's
 * does, from the image's own files. Files are read from their sources.
 */
final class CapturedTree implements TreeNode {

    private final TreeDentry dentry;
    private final String path;

    CapturedTree(TreeDentry root) {
        this(root, "");
    }

    private CapturedTree(TreeDentry dentry, String path) {
        this.dentry = dentry;
        this.path = path;
    }

    @Override
    public String name() {
        return dentry.name;
    }

    @Override
    public boolean isDirectory() {
        return dentry.inode.isDirectory();
    }

    @Override
    public List<TreeNode> children() {
        List<TreeNode> children = new ArrayList<>();
        for (TreeDentry child : dentry.children()) {
            children.add(new CapturedTree(child, path + "/" + child.name));
        }
        return children;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        OutputBlob data = dentry.inode.data;
        if (data == null) {
            return new byte[0];
        }
        if (data.size() > maxBytes) {
            throw new UnreadableFileException(path() + " is " + data.size() + " bytes, more than the " + maxBytes
                    + " read into memory", null);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) data.size());
        data.source().read(content::write);
        return content.toByteArray();
    }

    @Override
    public String path() {
        return path.isEmpty() ? "/" : path;
    }
}
