package org.fenestra.wim.internal.write;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.internal.format.NameCollation;

/** One name of a file in an image being written; directories hold their children. */
public final class TreeDentry {
    public final String name;
    public final String shortName;
    public final TreeInode inode;
    private final List<TreeDentry> children = new ArrayList<>();
    private boolean sorted = true;
    long subdirOffset;

    public TreeDentry(String name, String shortName, TreeInode inode) {
        this.name = name;
        this.shortName = shortName == null ? "" : shortName;
        this.inode = inode;
        inode.linkCount++;
    }

    public void addChild(TreeDentry child) {
        children.add(child);
        sorted = false;
    }

    /** Children in the order wimlib keeps and writes them ({@link NameCollation}). */
    public List<TreeDentry> children() {
        if (!sorted) {
            children.sort((a, b) -> NameCollation.INSTANCE.compare(a.name, b.name));
            sorted = true;
        }
        return children;
    }

    /** The child named exactly {@code childName}, or null. */
    TreeDentry child(String childName) {
        for (TreeDentry c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Unlinks {@code child} and every name below it: their files lose those names. */
    void removeChild(TreeDentry child) {
        if (!children.remove(child)) {
            throw new IllegalArgumentException("not a child: " + child.name);
        }
        for (TreeDentry d : DentryWriter.preOrder(child)) {
            d.inode.linkCount--;
        }
    }

    /** This name moved to {@code newName} (no short name): the same file, the same children. */
    TreeDentry renamed(String newName) {
        TreeDentry r = new TreeDentry(newName, "", inode);
        inode.linkCount--;
        r.children.addAll(children);
        r.sorted = false;
        children.clear();
        return r;
    }

    /** True for a directory whose children are listed (reparse points to directories have none). */
    boolean listsChildren() {
        return inode.isDirectory();
    }
}
