package org.fenestra.wim.internal.format;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fenestra.wim.errors.InvalidMetadataException;

/**
 * An image's metadata resource: {@link SecurityData}, then the root {@link Dentry} (which has
 * no name), then the other dentries, each directory's children as a list at its subdir offset.
 * The SHA-1 of the whole resource is in the blob table entry that points to it.
 */
public final class ImageMetadata {
    private static final Logger LOG = System.getLogger(ImageMetadata.class.getName());
    private static final int MAX_DEPTH = 16384;
    private static final long MAX_METADATA_BYTES = 1L << 30;

    private final SecurityData security;
    private final Dentry root;
    private final List<Inode> inodes;

    private ImageMetadata(SecurityData security, Dentry root, List<Inode> inodes) {
        this.security = security;
        this.root = root;
        this.inodes = inodes;
    }

    /** Reads, checks the SHA-1 of, and parses the metadata resource of {@code blob}. */
    public static ImageMetadata read(BlobDescriptor blob, String where) throws IOException {
        byte[] buf = ResourceReader.readAll(blob.resource(), where, MAX_METADATA_BYTES);
        if (!Arrays.equals(Sha1.of(buf), blob.hash())) {
            throw new InvalidMetadataException(blob.resource().source().describe(where, blob.resource().offset(),
                    "metadata resource is corrupted (SHA-1 differs from the blob table)"));
        }
        return parse(buf, blob.resource().source().name() + ": " + where);
    }

    public static ImageMetadata parse(byte[] buf, String where) throws InvalidMetadataException {
        SecurityData sd = SecurityData.parse(buf, where);
        Dentry.Parsed first = Dentry.parse(buf, sd.totalLength(), where);
        Dentry root = first.dentry();
        if (root == null) {
            LOG.log(Level.WARNING, "{0}: no directory entries; treating as an empty image", where);
            return new ImageMetadata(sd, null, List.of());
        }
        if ((root.attributes & Dentry.FILE_ATTRIBUTE_DIRECTORY) == 0) {
            throw Dentry.invalid(where, root.offset, "the root of the image is not a directory");
        }
        readTree(buf, root, where);
        List<Inode> inodes = buildInodes(root);
        for (Inode i : inodes) {
            i.dropSecurityIdIfBeyond(sd.count());
        }
        return new ImageMetadata(sd, root, inodes);
    }

    /** Reads every directory's children without recursion; each subdir offset may be used once. */
    private static void readTree(byte[] buf, Dentry root, String where) throws InvalidMetadataException {
        record Pending(Dentry dir, int depth) {
        }
        Deque<Pending> work = new ArrayDeque<>();
        Set<Long> seenLists = new HashSet<>();
        long budget = buf.length / 8; // no valid tree has more entries than that
        if (root.subdirOffset != 0) {
            work.push(new Pending(root, 0));
        }
        while (!work.isEmpty()) {
            Pending p = work.pop();
            if (p.depth() >= MAX_DEPTH) {
                throw Dentry.invalid(where, p.dir().offset, "directory structure too deep");
            }
            if (!seenLists.add(p.dir().subdirOffset)) {
                throw Dentry.invalid(where, p.dir().subdirOffset, "directory list is shared by two directories");
            }
            Map<String, Dentry> byName = new HashMap<>();
            long pos = p.dir().subdirOffset;
            while (true) {
                Dentry.Parsed parsed = Dentry.parse(buf, pos, where);
                pos = parsed.nextOffset();
                Dentry child = parsed.dentry();
                if (child == null) {
                    break;
                }
                if (--budget < 0) {
                    throw Dentry.invalid(where, child.offset, "more directory entries than the resource can hold");
                }
                if (ignored(child, p.dir(), where) || byName.putIfAbsent(child.name, child) != null) {
                    continue;
                }
                child.parent = p.dir();
                p.dir().children.add(child);
                if (child.subdirOffset != 0) {
                    if ((child.attributes & Dentry.FILE_ATTRIBUTE_DIRECTORY) != 0) {
                        work.push(new Pending(child, p.depth() + 1));
                    } else {
                        LOG.log(Level.WARNING, "{0}: ignoring children of non-directory {1}", where, child.name);
                    }
                }
            }
            p.dir().children.sort((a, b) -> NameCollation.INSTANCE.compare(a.name, b.name));
        }
    }

    /** Names wimlib drops when reading: empty, "." or "..", or with an embedded null. */
    private static boolean ignored(Dentry d, Dentry dir, String where) {
        String n = d.name;
        if (n.isEmpty() || n.equals(".") || n.equals("..") || n.indexOf('\0') >= 0) {
            LOG.log(Level.WARNING, "{0}: ignoring directory entry with invalid name \"{1}\" at offset 0x{2}", where,
                    n.replace("\0", "\\0"), Long.toHexString(d.offset));
            return true;
        }
        return false;
    }

    /** Groups dentries into inodes in tree order (pre-order, sorted children). */
    private static List<Inode> buildInodes(Dentry root) {
        List<Inode> inodes = new ArrayList<>();
        Map<Long, List<Inode>> byIno = new HashMap<>();
        Deque<Dentry> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Dentry d = work.pop();
            Inode joined = null;
            if (d.hardLinkGroupId != 0 && (d.attributes & Dentry.FILE_ATTRIBUTE_DIRECTORY) == 0) {
                Inode candidate = new Inode(d);
                for (Inode existing : byIno.getOrDefault(d.hardLinkGroupId, List.of())) {
                    if (!existing.isDirectory() && Arrays.equals(existing.unnamedDataHash(), candidate.unnamedDataHash())) {
                        joined = existing;
                        break;
                    }
                }
                if (joined == null) {
                    joined = candidate;
                    byIno.computeIfAbsent(d.hardLinkGroupId, k -> new ArrayList<>()).add(candidate);
                    inodes.add(candidate);
                }
            } else {
                joined = new Inode(d);
                inodes.add(joined);
            }
            joined.link(d);
            for (int i = d.children.size() - 1; i >= 0; i--) {
                work.push(d.children.get(i));
            }
        }
        return inodes;
    }

    public SecurityData security() {
        return security;
    }

    /** The root directory, or null for a metadata resource without entries. */
    public Dentry root() {
        return root;
    }

    public List<Inode> inodes() {
        return inodes;
    }

    /** Finds a path ("/" or "\" separated, case-sensitive), or null. */
    public Dentry lookup(String path) {
        if (root == null) {
            return null;
        }
        Dentry d = root;
        for (String part : path.split("[/\\\\]+")) {
            if (part.isEmpty()) {
                continue;
            }
            d = d.child(part);
            if (d == null) {
                return null;
            }
        }
        return d;
    }
}
