package org.fenestra.wim.internal.write;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.errors.DirectoryNotEmptyInImageException;
import org.fenestra.wim.errors.InvalidOverlayException;
import org.fenestra.wim.errors.IsDirectoryException;
import org.fenestra.wim.errors.NotADirectoryException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.errors.WimException;

/**
 * Edits an image's tree as {@code wimlib-imagex update}'s commands do (wimlib's
 * {@code update_image.c}): add a captured branch, delete, rename. Paths are inside the image,
 * separated by '/' or '\', case-sensitive; the root is "/".
 */
public final class TreeEditor {
    private final TreeDentry root;
    private final long now;

    /** {@code now}: the time given to directories created to hold an added branch. */
    public TreeEditor(TreeDentry root, long now) {
        this.root = root;
        this.now = now;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("[/\\\\]")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The dentry at {@code path}, or null. */
    public TreeDentry lookup(String path) {
        TreeDentry d = root;
        for (String c : components(path)) {
            d = d.inode.isDirectory() ? d.child(c) : null;
            if (d == null) {
                return null;
            }
        }
        return d;
    }

    private TreeDentry parentOf(List<String> parts) {
        TreeDentry d = root;
        for (String c : parts.subList(0, parts.size() - 1)) {
            d = d.child(c);
            if (d == null) {
                return null;
            }
        }
        return d;
    }

    /**
     * Adds {@code branch} (a captured tree; its own name is ignored) at {@code target}. Missing
     * parent directories are created. Where a directory already is, a directory branch is
     * merged into it; where a file is, a file branch replaces it (refused with {@code noReplace}).
     */
    public void add(TreeDentry branch, String target, boolean noReplace) throws WimException {
        List<String> parts = components(target);
        if (parts.isEmpty()) {
            if (!branch.inode.isDirectory()) {
                throw new NotADirectoryException("cannot place a nondirectory file at the root of the image");
            }
            merge(root, branch, target, noReplace);
            return;
        }
        TreeDentry dir = root;
        StringBuilder at = new StringBuilder();
        for (String c : parts.subList(0, parts.size() - 1)) {
            at.append('/').append(c);
            TreeDentry next = dir.child(c);
            if (next == null) {
                next = fillerDirectory(c);
                dir.addChild(next);
            } else if (!next.inode.isDirectory()) {
                throw new NotADirectoryException("\"" + at + "\" in the WIM image is not a directory");
            }
            dir = next;
        }
        attach(dir, branch, parts.get(parts.size() - 1), "/" + String.join("/", parts), noReplace);
    }

    private void attach(TreeDentry dir, TreeDentry branch, String name, String path, boolean noReplace)
            throws WimException {
        TreeDentry existing = dir.child(name);
        if (existing == null) {
            dir.addChild(branch.renamed(name));
            return;
        }
        boolean newIsDir = branch.inode.isDirectory();
        if (existing.inode.isDirectory() != newIsDir) {
            if (newIsDir) {
                throw new NotADirectoryException("can't place directory at \"" + path
                        + "\" because a nondirectory file already exists there");
            }
            // wimlib: WIMLIB_ERR_IS_DIRECTORY for a file where a directory is
            throw new IsDirectoryException("\"" + path + "\" is a directory; specify the path at which to place the"
                    + " file inside this directory");
        }
        if (newIsDir) {
            merge(existing, branch, path, noReplace);
        } else if (noReplace) {
            throw new InvalidOverlayException("refusing to overwrite nondirectory file \"" + path + "\"");
        } else {
            dir.removeChild(existing);
            dir.addChild(branch.renamed(name));
        }
    }

    private void merge(TreeDentry into, TreeDentry branch, String path, boolean noReplace) throws WimException {
        for (TreeDentry c : new ArrayList<>(branch.children())) {
            attach(into, c, c.name, path.replaceAll("/+$", "") + "/" + c.name, noReplace);
        }
    }

    private TreeDentry fillerDirectory(String name) {
        return emptyDirectory(name, now);
    }

    /** A new empty directory {@code name} with all its times {@code now}. */
    static TreeDentry emptyDirectory(String name, long now) {
        TreeInode i = new TreeInode();
        i.attributes = TreeInode.FILE_ATTRIBUTE_DIRECTORY;
        i.creationTime = now;
        i.lastAccessTime = now;
        i.lastWriteTime = now;
        return new TreeDentry(name, "", i);
    }

    /** Deletes {@code path}; a directory only when {@code recursive}; a missing path only fails without {@code force}. */
    public void delete(String path, boolean force, boolean recursive) throws WimException {
        List<String> parts = components(path);
        TreeDentry d = lookup(path);
        if (d == null) {
            if (force) {
                return;
            }
            throw new PathNotFoundException("Path \"" + path + "\" does not exist in the WIM image");
        }
        if (d.inode.isDirectory() && !recursive) {
            throw new IsDirectoryException("Path \"" + path + "\" in the WIM image is a directory but a recursive"
                    + " delete was not requested");
        }
        if (parts.isEmpty()) {
            for (TreeDentry c : new ArrayList<>(root.children())) {
                root.removeChild(c);
            }
            return;
        }
        parentOf(parts).removeChild(d);
    }

    /** Renames {@code from} to {@code to}, as rename(2): replaces a file, or an empty directory with a directory. */
    public void rename(String from, String to) throws WimException {
        List<String> src = components(from);
        List<String> dst = components(to);
        TreeDentry d = lookup(from);
        if (d == null || src.isEmpty()) {
            throw new PathNotFoundException("can't rename \"" + from + "\" to \"" + to + "\": no such file or directory");
        }
        TreeDentry dstParent = dst.isEmpty() ? null : lookup("/" + String.join("/", dst.subList(0, dst.size() - 1)));
        if (dstParent == null) {
            throw new PathNotFoundException("can't rename \"" + from + "\" to \"" + to + "\": no such file or directory");
        }
        if (!dstParent.inode.isDirectory()) {
            throw new NotADirectoryException("can't rename \"" + from + "\" to \"" + to + "\": not a directory");
        }
        if (dst.size() > src.size() && dst.subList(0, src.size()).equals(src)) {
            throw new DirectoryNotEmptyInImageException("can't rename \"" + from + "\" to \"" + to
                    + "\": a directory cannot move into itself");
        }
        String name = dst.get(dst.size() - 1);
        TreeDentry existing = dstParent.child(name);
        if (existing == d) {
            return;
        }
        if (existing != null) {
            if (existing.inode.isDirectory() && !d.inode.isDirectory()) {
                throw new IsDirectoryException("can't rename \"" + from + "\" to \"" + to + "\": is a directory");
            }
            if (!existing.inode.isDirectory() && d.inode.isDirectory()) {
                throw new NotADirectoryException("can't rename \"" + from + "\" to \"" + to + "\": not a directory");
            }
            if (existing.inode.isDirectory() && !existing.children().isEmpty()) {
                throw new DirectoryNotEmptyInImageException("can't rename \"" + from + "\" to \"" + to
                        + "\": directory not empty");
            }
            dstParent.removeChild(existing);
        }
        TreeDentry srcParent = parentOf(src);
        srcParent.removeChild(d);
        // removeChild dropped the names below d; the renamed dentry takes them back.
        for (TreeDentry x : DentryWriter.preOrder(d)) {
            x.inode.linkCount++;
        }
        dstParent.addChild(d.renamed(name));
    }
}
