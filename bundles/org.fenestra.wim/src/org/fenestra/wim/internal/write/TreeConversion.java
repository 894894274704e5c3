package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.Inode;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.SecurityData;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.read.OpenedWim;
import org.fenestra.wim.model.WimStreamType;

/**
 * An image of an opened WIM rebuilt as the tree a writer writes (export, update, rebuild):
 * streams refer to the source's blobs, shared between images through one map.
 */
public final class TreeConversion {
    private final OpenedWim source;
    private final Map<BlobDescriptor, OutputBlob> blobs;
    private final BlobReading reading;

    /** @param blobs the output blobs made so far, so images sharing a blob write it once */
    public TreeConversion(OpenedWim source, Map<BlobDescriptor, OutputBlob> blobs, BlobReading reading) {
        this.source = source;
        this.blobs = blobs;
        this.reading = reading;
    }

    /** Rebuilds the tree of {@code md}, one of {@code source}'s images. */
    public TreeDentry convert(ImageMetadata md) throws IOException {
        if (md.root() == null) {
            TreeInode i = new TreeInode();
            i.attributes = TreeInode.FILE_ATTRIBUTE_DIRECTORY;
            return new TreeDentry("", "", i);
        }
        Map<Inode, TreeInode> inodes = new IdentityHashMap<>();
        Map<Dentry, TreeDentry> dentries = new IdentityHashMap<>();
        Deque<Dentry> work = new ArrayDeque<>();
        work.push(md.root());
        TreeDentry root = null;
        while (!work.isEmpty()) {
            Dentry d = work.pop();
            TreeInode ti = inodes.get(d.inode());
            if (ti == null) {
                ti = convertInode(d);
                inodes.put(d.inode(), ti);
            }
            TreeDentry td = new TreeDentry(d.name(), d.shortName(), ti);
            dentries.put(d, td);
            if (d.parent() == null) {
                root = td;
            } else {
                dentries.get(d.parent()).addChild(td);
            }
            for (Dentry c : d.children()) {
                work.push(c);
            }
        }
        return root;
    }

    /** The security descriptors of an image, in security id order. */
    public static List<byte[]> securityDescriptors(ImageMetadata md) {
        List<byte[]> sds = new ArrayList<>();
        SecurityData sd = md.security();
        for (int i = 0; i < sd.count(); i++) {
            sds.add(sd.descriptor(i));
        }
        return sds;
    }

    /**
     * The metadata resource image {@code index} ({@code md}) was read from, to be copied as it is
     * where the output's compression allows; null when the rebuilt tree would differ from it
     * ({@link #convert} drops streams wimlib does not keep either, whose blobs are then not
     * written) or when the reading asks for everything to be compressed again.
     */
    public OutputBlob storedMetadata(int index, ImageMetadata md) {
        if (!reading.rawCopy() || md.root() == null) {
            return null;
        }
        for (Inode in : md.inodes()) {
            for (StreamEntry s : in.streams()) {
                if (!s.zeroHash() && !kept(s)) {
                    return null;
                }
            }
        }
        BlobDescriptor stored = source.mainBlobTableMetadata().get(index - 1);
        return OutputBlob.metadata(stored.size(), stored.hash(), new WimBlobSource(stored, source.header(), reading));
    }

    /** Whether the rebuilt tree keeps the stream (wimlib drops extra unnamed and named non-data ones). */
    private static boolean kept(StreamEntry s) {
        return s.named() ? s.type() == WimStreamType.DATA : s.type() != WimStreamType.UNKNOWN;
    }

    private TreeInode convertInode(Dentry d) throws IOException {
        Inode in = d.inode();
        TreeInode t = new TreeInode();
        t.attributes = in.attributes();
        t.securityId = in.securityId();
        t.creationTime = in.creationTime();
        t.lastAccessTime = in.lastAccessTime();
        t.lastWriteTime = in.lastWriteTime();
        t.reparseTag = in.reparseTag();
        t.rpReserved = in.rpReserved();
        t.rpFlags = in.rpFlags();
        t.taggedItems = in.tagged().isEmpty() ? null : in.tagged().raw();
        for (StreamEntry s : in.streams()) {
            OutputBlob b = blob(s, d);
            if (!kept(s)) {
                continue;
            }
            if (s.named()) {
                t.named.add(new TreeInode.NamedStream(s.name(), b));
                continue;
            }
            switch (s.type()) {
                case DATA -> t.data = b;
                case REPARSE_POINT -> t.reparse = b;
                case EFSRPC_RAW_DATA -> t.encrypted = b;
                default -> {
                    // not reached: kept
                }
            }
        }
        return t;
    }

    private OutputBlob blob(StreamEntry s, Dentry d) throws IOException {
        if (s.zeroHash()) {
            return null;
        }
        BlobDescriptor bd = source.blob(s.hash());
        if (bd == null) {
            throw new MissingBlobException("\"" + d.fullPath() + "\": blob not found (SHA-1 "
                    + LittleEndian.hex(s.hash()) + ")");
        }
        OutputBlob existing = blobs.get(bd);
        if (existing != null) {
            return existing;
        }
        OutputBlob b = new OutputBlob(bd.size(), bd.hash(), new WimBlobSource(bd, source.header(), reading));
        blobs.put(bd, b);
        return b;
    }
}
