package org.fenestra.wim.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.StreamEntry;

/**
 * Serializes a dentry tree into a metadata resource after its security data (dentry layout
 * in {@link Dentry}, extra stream entries in {@link StreamEntry}). Layout, as wimlib writes it:
 * the root dentry and an end-of-directory marker; then, for every directory in pre-order, its
 * children in collation order followed by an 8-byte zero marker. A directory's subdir offset
 * points at its list; empty directories still get a list (just the marker); files and
 * directory reparse points have subdir offset 0. Every dentry and stream entry is padded to 8.
 *
 * <p>Streams follow the rules DISM needs (and wimlib 1.14 writes): an encrypted file stores
 * only its raw encrypted data; otherwise a reparse point stores its reparse data, a
 * non-directory its unnamed data, plus the named data streams. A single unnamed stream goes in
 * the dentry's hash field; with more streams, all of them, unnamed first, become extra stream
 * entries and the hash field stays zero.
 */
final class DentryWriter {
    private static final byte[] ZERO_HASH = new byte[20];

    private DentryWriter() {
    }

    /** Assigns hard link group ids: 1, 2, ... to files with several names, in tree order; 0 otherwise. */
    static void assignLinkGroups(TreeDentry root) {
        long next = 1;
        for (TreeDentry d : preOrder(root)) {
            TreeInode i = d.inode;
            if (i.linkCount > 1 && i.linkGroupId == 0) {
                i.linkGroupId = next++;
            }
        }
    }

    /** The metadata resource: {@code security} then the serialized tree. */
    static byte[] write(byte[] security, TreeDentry root) {
        List<TreeDentry> order = preOrder(root);
        long pos = security.length + length(root) + 8;
        for (TreeDentry d : order) {
            if (d.listsChildren()) {
                d.subdirOffset = pos;
                for (TreeDentry c : d.children()) {
                    pos += length(c);
                }
                pos += 8;
            } else {
                d.subdirOffset = 0;
            }
        }
        byte[] out = new byte[Math.toIntExact(pos)];
        System.arraycopy(security, 0, out, 0, security.length);
        int p = security.length;
        p = writeDentry(root, out, p);
        p += 8;
        for (TreeDentry d : order) {
            if (d.listsChildren()) {
                for (TreeDentry c : d.children()) {
                    p = writeDentry(c, out, p);
                }
                p += 8;
            }
        }
        if (p != out.length) {
            throw new IllegalStateException("metadata size " + p + " differs from the computed " + out.length);
        }
        return out;
    }

    static List<TreeDentry> preOrder(TreeDentry root) {
        List<TreeDentry> out = new ArrayList<>();
        Deque<TreeDentry> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            TreeDentry d = work.pop();
            out.add(d);
            List<TreeDentry> kids = d.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                work.push(kids.get(i));
            }
        }
        return out;
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static int align8(int v) {
        return (v + 7) & ~7;
    }

    private static int baseLength(TreeDentry d) {
        int len = Dentry.DISK_SIZE;
        if (!d.name.isEmpty()) {
            len += 2 * d.name.length() + 2;
        }
        if (!d.shortName.isEmpty()) {
            len += 2 * d.shortName.length() + 2;
        }
        len = align8(len);
        if (d.inode.taggedItems != null) {
            len += align8(d.inode.taggedItems.length);
        }
        return len;
    }

    /** A stream as written: null name for unnamed. */
    private record Stream(String name, OutputBlob blob) {
    }

    private static List<Stream> unnamedStreams(TreeInode i) {
        List<Stream> s = new ArrayList<>(2);
        if ((i.attributes & TreeInode.FILE_ATTRIBUTE_ENCRYPTED) != 0) {
            s.add(new Stream(null, i.encrypted));
            return s;
        }
        if ((i.attributes & TreeInode.FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
            s.add(new Stream(null, i.reparse));
        }
        if ((i.attributes & TreeInode.FILE_ATTRIBUTE_DIRECTORY) == 0) {
            s.add(new Stream(null, i.data));
        }
        return s;
    }

    private static List<Stream> namedStreams(TreeInode i) {
        List<Stream> s = new ArrayList<>();
        if ((i.attributes & TreeInode.FILE_ATTRIBUTE_ENCRYPTED) == 0) {
            for (TreeInode.NamedStream n : i.named) {
                s.add(new Stream(n.name(), n.blob()));
            }
        }
        return s;
    }

    private static boolean needsExtraEntries(List<Stream> unnamed, List<Stream> named) {
        return unnamed.size() > 1 || !named.isEmpty();
    }

    private static int streamEntryLength(Stream s) {
        int len = StreamEntry.DISK_HEADER_SIZE;
        if (s.name() != null) {
            len += 2 * s.name().length() + 2;
        }
        return align8(len);
    }

    static int length(TreeDentry d) {
        int len = baseLength(d);
        List<Stream> unnamed = unnamedStreams(d.inode);
        List<Stream> named = namedStreams(d.inode);
        if (needsExtraEntries(unnamed, named)) {
            for (Stream s : unnamed) {
                len += streamEntryLength(s);
            }
            for (Stream s : named) {
                len += streamEntryLength(s);
            }
        }
        return len;
    }

    private static byte[] hashOf(OutputBlob b) {
        return b == null ? ZERO_HASH : b.hash();
    }

    private static int writeDentry(TreeDentry d, byte[] b, int at) {
        TreeInode i = d.inode;
        int base = baseLength(d);
        LittleEndian.put64(b, at, base);
        LittleEndian.put32(b, at + 8, i.attributes);
        LittleEndian.put32(b, at + 12, i.securityId);
        LittleEndian.put64(b, at + 16, d.subdirOffset);
        LittleEndian.put64(b, at + 40, i.creationTime);
        LittleEndian.put64(b, at + 48, i.lastAccessTime);
        LittleEndian.put64(b, at + 56, i.lastWriteTime);
        if ((i.attributes & TreeInode.FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
            LittleEndian.put32(b, at + 88, i.reparseTag);
            LittleEndian.put16(b, at + 92, i.rpReserved);
            LittleEndian.put16(b, at + 94, i.rpFlags);
        } else {
            LittleEndian.put64(b, at + 88, i.linkCount > 1 ? i.linkGroupId : 0);
        }
        byte[] name = utf16(d.name);
        byte[] shortName = utf16(d.shortName);
        LittleEndian.put16(b, at + 98, shortName.length);
        LittleEndian.put16(b, at + 100, name.length);
        int p = at + Dentry.DISK_SIZE;
        if (name.length > 0) {
            System.arraycopy(name, 0, b, p, name.length);
            p += name.length + 2;
        }
        if (shortName.length > 0) {
            System.arraycopy(shortName, 0, b, p, shortName.length);
            p += shortName.length + 2;
        }
        p = at + align8(p - at);
        if (i.taggedItems != null) {
            System.arraycopy(i.taggedItems, 0, b, p, i.taggedItems.length);
        }
        p = at + base;

        List<Stream> unnamed = unnamedStreams(i);
        List<Stream> named = namedStreams(i);
        if (!needsExtraEntries(unnamed, named)) {
            System.arraycopy(unnamed.isEmpty() ? ZERO_HASH : hashOf(unnamed.get(0).blob()), 0, b, at + 64, 20);
            return p;
        }
        LittleEndian.put16(b, at + 96, unnamed.size() + named.size());
        List<Stream> all = new ArrayList<>(unnamed);
        all.addAll(named);
        for (Stream s : all) {
            int len = streamEntryLength(s);
            LittleEndian.put64(b, p, len);
            System.arraycopy(hashOf(s.blob()), 0, b, p + 16, 20);
            if (s.name() != null) {
                byte[] sn = utf16(s.name());
                LittleEndian.put16(b, p + 36, sn.length);
                System.arraycopy(sn, 0, b, p + 38, sn.length);
            }
            p += len;
        }
        return p;
    }
}
