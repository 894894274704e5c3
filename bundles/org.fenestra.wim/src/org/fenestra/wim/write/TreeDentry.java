package org.fenestra.wim.write;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.format.NameCollation;

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

    /** True for a directory whose children are listed (reparse points to directories have none). */
    boolean listsChildren() {
        return inode.isDirectory();
    }
}
