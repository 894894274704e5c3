package org.fenestra.wim.internal.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fenestra.wim.model.WimStreamType;

/**
 * A file: the data shared by all its names (hard links). Built from the first dentry of a
 * hard link group; dentries with the same nonzero group id and the same unnamed data stream
 * join it (directories never do).
 */
public final class Inode {
    private final int attributes;
    private int securityId;
    private final long creationTime;
    private final long lastAccessTime;
    private final long lastWriteTime;
    private final long reparseTag;
    private final int rpReserved;
    private final int rpFlags;
    private final long ino;
    private final TaggedItems tagged;
    private final List<StreamEntry> streams;
    private final List<Dentry> links = new ArrayList<>();

    Inode(Dentry d) {
        this.attributes = d.attributes;
        this.securityId = d.securityId;
        this.creationTime = d.creationTime;
        this.lastAccessTime = d.lastAccessTime;
        this.lastWriteTime = d.lastWriteTime;
        this.reparseTag = d.reparseTag;
        this.rpReserved = d.rpReserved;
        this.rpFlags = d.rpFlags;
        this.ino = d.hardLinkGroupId;
        this.tagged = d.tagged;
        this.streams = assignTypes(d.streams, d.attributes);
    }

    /**
     * Stream types are not stored; derive them as wimlib does. Named streams are data. For
     * unencrypted files, the first unnamed stream with a nonzero hash (or any unnamed extra
     * entry) is the reparse data of a reparse point, else the unnamed data stream; a zero-hash
     * default stream takes whichever role is left. For encrypted files, the first unnamed
     * nonzero-hash stream is the raw encrypted data.
     */
    private static List<StreamEntry> assignTypes(List<StreamEntry> in, int attributes) {
        List<StreamEntry> out = new ArrayList<>(in);
        if ((attributes & Dentry.FILE_ATTRIBUTE_ENCRYPTED) != 0) {
            for (int i = 0; i < out.size(); i++) {
                StreamEntry s = out.get(i);
                if (!s.named() && !s.zeroHash()) {
                    out.set(i, s.withType(WimStreamType.EFSRPC_RAW_DATA));
                    break;
                }
            }
            return out;
        }
        boolean reparse = (attributes & Dentry.FILE_ATTRIBUTE_REPARSE_POINT) != 0;
        boolean haveReparse = false;
        boolean haveData = false;
        int zeroDefault = -1;
        for (int i = 0; i < out.size(); i++) {
            StreamEntry s = out.get(i);
            if (s.named()) {
                out.set(i, s.withType(WimStreamType.DATA));
            } else if (i != 0 || !s.zeroHash()) {
                if (reparse && !haveReparse) {
                    haveReparse = true;
                    out.set(i, s.withType(WimStreamType.REPARSE_POINT));
                } else if (!haveData) {
                    haveData = true;
                    out.set(i, s.withType(WimStreamType.DATA));
                }
            } else if (zeroDefault < 0) {
                zeroDefault = i;
            }
        }
        if (zeroDefault >= 0) {
            WimStreamType t = reparse && !haveReparse ? WimStreamType.REPARSE_POINT
                    : !haveData ? WimStreamType.DATA : WimStreamType.UNKNOWN;
            out.set(zeroDefault, out.get(zeroDefault).withType(t));
        }
        return out;
    }

    /** The unnamed stream of {@code type}, or null. */
    public StreamEntry unnamedStream(WimStreamType type) {
        for (StreamEntry s : streams) {
            if (!s.named() && s.type() == type) {
                return s;
            }
        }
        return null;
    }

    /**
     * The streams a listing of the file shows, as wimlib's: the unnamed stream of the inode's kind
     * (encrypted raw data, reparse data or plain data), then the named data streams.
     */
    public List<StreamEntry> listedStreams() {
        List<StreamEntry> out = new ArrayList<>();
        WimStreamType main = (attributes & Dentry.FILE_ATTRIBUTE_ENCRYPTED) != 0 ? WimStreamType.EFSRPC_RAW_DATA
                : isReparsePoint() ? WimStreamType.REPARSE_POINT : WimStreamType.DATA;
        StreamEntry unnamed = unnamedStream(main);
        if (unnamed != null) {
            out.add(unnamed);
        }
        for (StreamEntry s : streams) {
            if (s.named() && s.type() == WimStreamType.DATA) {
                out.add(s);
            }
        }
        return out;
    }

    /** Hash of the unnamed data stream (all zero if none), which must agree between hard links. */
    byte[] unnamedDataHash() {
        StreamEntry s = unnamedStream(WimStreamType.DATA);
        return s == null ? new byte[20] : s.hash();
    }

    void link(Dentry d) {
        links.add(d);
        d.inode = this;
    }

    void dropSecurityIdIfBeyond(int count) {
        if (securityId < 0 || securityId >= count) {
            securityId = -1;
        }
    }

    public int attributes() {
        return attributes;
    }

    public int securityId() {
        return securityId;
    }

    public long creationTime() {
        return creationTime;
    }

    public long lastAccessTime() {
        return lastAccessTime;
    }

    public long lastWriteTime() {
        return lastWriteTime;
    }

    public long reparseTag() {
        return reparseTag;
    }

    public int rpReserved() {
        return rpReserved;
    }

    /** Bit 0 set: an absolute link target was not rewritten relative to the image root. */
    public int rpFlags() {
        return rpFlags;
    }

    /** Hard link group id as stored (0 for files without other links and for reparse points). */
    public long ino() {
        return ino;
    }

    public TaggedItems tagged() {
        return tagged;
    }

    public List<StreamEntry> streams() {
        return Collections.unmodifiableList(streams);
    }

    /** The dentries naming this file, in tree order. */
    public List<Dentry> links() {
        return Collections.unmodifiableList(links);
    }

    public boolean isDirectory() {
        return (attributes & Dentry.FILE_ATTRIBUTE_DIRECTORY) != 0;
    }

    public boolean isReparsePoint() {
        return (attributes & Dentry.FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    }
}
