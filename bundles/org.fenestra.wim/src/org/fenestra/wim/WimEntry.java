package org.fenestra.wim;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.Inode;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.model.WimStreamType;
import org.fenestra.wim.model.WimUnixData;

/**
 * A file or directory of an image, seen through one of its names.
 *
 * @since 0.1
 */
public final class WimEntry {
    public static final int FILE_ATTRIBUTE_DIRECTORY = Dentry.FILE_ATTRIBUTE_DIRECTORY;
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = Dentry.FILE_ATTRIBUTE_REPARSE_POINT;
    public static final int FILE_ATTRIBUTE_ENCRYPTED = Dentry.FILE_ATTRIBUTE_ENCRYPTED;

    private final WimImage image;
    private final Dentry dentry;

    WimEntry(WimImage image, Dentry dentry) {
        this.image = image;
        this.dentry = dentry;
    }

    Dentry dentry() {
        return dentry;
    }

    private Inode inode() {
        return dentry.inode();
    }

    /** Path from the image root: {@code /} or {@code /dir/name}. */
    public String fullPath() {
        return dentry.fullPath();
    }

    /** Long name; empty for the root. */
    public String name() {
        return dentry.name();
    }

    /** DOS 8.3 name, empty if none. */
    public String shortName() {
        return dentry.shortName();
    }

    public int attributes() {
        return inode().attributes();
    }

    public boolean isDirectory() {
        return inode().isDirectory();
    }

    public boolean isReparsePoint() {
        return inode().isReparsePoint();
    }

    /** Self-relative security descriptor, or null. */
    public byte[] securityDescriptor() {
        byte[] sd = image.metadata().security().descriptor(inode().securityId());
        return sd == null || sd.length == 0 ? null : sd.clone();
    }

    /** FILETIME values. */
    public long creationTime() {
        return inode().creationTime();
    }

    public long lastWriteTime() {
        return inode().lastWriteTime();
    }

    public long lastAccessTime() {
        return inode().lastAccessTime();
    }

    public long reparseTag() {
        return inode().reparseTag();
    }

    /** Rp flag bit 0: an absolute link target that was stored unchanged. */
    public boolean reparseTargetNotFixed() {
        return (inode().rpFlags() & 1) != 0;
    }

    /** Hard link group id as stored (0 when the file has one name). */
    public long linkGroupId() {
        return inode().ino();
    }

    /** Number of names of this file in the image. */
    public int linkCount() {
        return inode().links().size();
    }

    /** UNIX owner/mode stored by {@code --unix-data}, or null. */
    public WimUnixData unixData() {
        return inode().tagged().unixData();
    }

    /** NTFS object id data (16 to 64 bytes), or null. */
    public byte[] objectId() {
        return inode().tagged().objectId();
    }

    /**
     * Streams in wimlib's order: the unnamed stream of the file's main kind (raw encrypted
     * data, reparse data or data) first, when present, then the named data streams.
     */
    public List<WimStream> streams() {
        List<WimStream> out = new ArrayList<>();
        for (StreamEntry s : inode().listedStreams()) {
            out.add(image.describe(s));
        }
        return out;
    }

    /** The unnamed data stream (for reparse points: the reparse data), or null. */
    public WimStream mainStream() {
        List<WimStream> s = streams();
        return s.isEmpty() || s.get(0).named() ? null : s.get(0);
    }

    public List<WimEntry> children() {
        List<WimEntry> out = new ArrayList<>(dentry.children().size());
        for (Dentry d : dentry.children()) {
            out.add(new WimEntry(image, d));
        }
        return out;
    }

    /** An opaque key equal for all names (hard links) of the same file. */
    public Object fileKey() {
        return inode();
    }

    /** Other names of the same file (hard links), this one included, in tree order. */
    public List<String> linkPaths() {
        List<String> out = new ArrayList<>();
        for (Dentry d : inode().links()) {
            out.add(d.fullPath());
        }
        return out;
    }

    @Override
    public String toString() {
        return fullPath();
    }
}
