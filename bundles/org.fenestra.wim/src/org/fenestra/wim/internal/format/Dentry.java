package org.fenestra.wim.internal.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.fenestra.wim.errors.InvalidMetadataException;
import org.fenestra.wim.model.WimStreamType;

/**
 * A directory entry (dentry) of an image's metadata resource: one name of a file. Sibling
 * dentries are stored back to back and end with an 8-byte entry whose length is 0.
 *
 * <pre>
 * offset size field
 *   0     8   length of this dentry without extra stream entries (rounded up to 8; &lt;= 8 ends the directory)
 *   8     4   file attributes (FILE_ATTRIBUTE_*)
 *  12     4   security id: index into the image's security data, -1 for none
 *  16     8   subdir offset: where this directory's children start in the metadata resource, 0 if none
 *  24    16   reserved
 *  40     8   creation time
 *  48     8   last access time
 *  56     8   last write time
 *  64    20   SHA-1 of the unnamed stream (the reparse data for reparse points)
 *  84     4   unknown
 *  88     8   reparse points: reparse tag (4), reparse reserved (2), rp flags (2; 1 = target not fixed);
 *             other files: hard link group id (0 = no other links)
 *  96     2   number of extra stream entries following this dentry
 *  98     2   short (8.3) name length in bytes
 * 100     2   name length in bytes
 * 102         name (UTF-16LE) + null terminator if present, then short name + null if present,
 *             then, aligned to 8 within the resource, tagged items up to the dentry's length
 * </pre>
 */
public final class Dentry {
    public static final int DISK_SIZE = 102;

    public static final int FILE_ATTRIBUTE_READONLY = 0x1;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
    public static final int FILE_ATTRIBUTE_ENCRYPTED = 0x4000;

    // On-disk fields
    final long offset;
    final int attributes;
    final int securityId;
    final long subdirOffset;
    final long creationTime;
    final long lastAccessTime;
    final long lastWriteTime;
    final long reparseTag;
    final int rpReserved;
    final int rpFlags;
    final long hardLinkGroupId;
    final String name;
    final String shortName;
    final TaggedItems tagged;
    final List<StreamEntry> streams; // default stream first, then the extra stream entries
    private final long nextOffset;

    // Tree links, set by ImageMetadata
    Dentry parent;
    final List<Dentry> children = new ArrayList<>();
    Inode inode;

    private Dentry(long offset, byte[] b, int at, String name, String shortName, TaggedItems tagged,
            List<StreamEntry> streams, long nextOffset) {
        this.offset = offset;
        this.attributes = LittleEndian.s32(b, at + 8);
        this.securityId = LittleEndian.s32(b, at + 12);
        this.subdirOffset = LittleEndian.u64(b, at + 16);
        this.creationTime = LittleEndian.u64(b, at + 40);
        this.lastAccessTime = LittleEndian.u64(b, at + 48);
        this.lastWriteTime = LittleEndian.u64(b, at + 56);
        boolean reparse = (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
        this.reparseTag = reparse ? LittleEndian.u32(b, at + 88) : 0;
        this.rpReserved = reparse ? LittleEndian.u16(b, at + 92) : 0;
        this.rpFlags = reparse ? LittleEndian.u16(b, at + 94) : 0;
        this.hardLinkGroupId = reparse ? 0 : LittleEndian.u64(b, at + 88);
        this.name = name;
        this.shortName = shortName;
        this.tagged = tagged;
        this.streams = streams;
        this.nextOffset = nextOffset;
    }

    /** A parsed dentry, or the end-of-directory marker. */
    record Parsed(Dentry dentry, long nextOffset) {
    }

    /** Parses the dentry at {@code offset}; {@code dentry()} is null at an end-of-directory marker. */
    static Parsed parse(byte[] buf, long offset, String where) throws InvalidMetadataException {
        if (offset < 0 || offset > buf.length - 8L) {
            throw invalid(where, offset, "directory entry starts beyond the end of the metadata resource ("
                    + buf.length + " bytes)");
        }
        int at = (int) offset;
        long length = (LittleEndian.u64(buf, at) + 7) & ~7L;
        if (length <= 8 && LittleEndian.u64(buf, at) >= 0) {
            return new Parsed(null, offset + 8);
        }
        if (length < DISK_SIZE || length > buf.length - offset) {
            throw invalid(where, offset, "directory entry length " + Long.toUnsignedString(LittleEndian.u64(buf, at))
                    + " is invalid (resource has " + buf.length + " bytes)");
        }
        int shortBytes = LittleEndian.u16(buf, at + 98);
        int nameBytes = LittleEndian.u16(buf, at + 100);
        if ((shortBytes & 1) != 0 || (nameBytes & 1) != 0) {
            throw invalid(where, offset, "odd name length");
        }
        long needed = DISK_SIZE + (nameBytes > 0 ? nameBytes + 2L : 0) + (shortBytes > 0 ? shortBytes + 2L : 0);
        if (needed > length) {
            throw invalid(where, offset, "names of " + nameBytes + " and " + shortBytes
                    + " bytes do not fit in a directory entry of " + length + " bytes");
        }
        int p = at + DISK_SIZE;
        String name = Utf16.decode(buf, p, nameBytes);
        if (nameBytes > 0) {
            p += nameBytes + 2;
        }
        String shortName = Utf16.decode(buf, p, shortBytes);
        if (shortBytes > 0) {
            p += shortBytes + 2;
        }
        int end = (int) (offset + length);
        p = Math.min((p + 7) & ~7, end);
        TaggedItems tagged = new TaggedItems(p < end ? Arrays.copyOfRange(buf, p, end) : null);

        int extra = LittleEndian.u16(buf, at + 96);
        List<StreamEntry> streams = new ArrayList<>(1 + extra);
        streams.add(new StreamEntry("", Arrays.copyOfRange(buf, at + 64, at + 84), WimStreamType.UNKNOWN));
        long pos = end;
        for (int i = 0; i < extra; i++) {
            if (buf.length - pos < StreamEntry.DISK_HEADER_SIZE) {
                throw invalid(where, pos, "extra stream entry " + i + " of the entry at 0x"
                        + Long.toHexString(offset) + " is truncated");
            }
            int s = (int) pos;
            long slen = (LittleEndian.u64(buf, s) + 7) & ~7L;
            if (slen < StreamEntry.DISK_HEADER_SIZE || slen > buf.length - pos) {
                throw invalid(where, pos, "extra stream entry length " + slen + " is invalid");
            }
            int snameBytes = LittleEndian.u16(buf, s + 36);
            if ((snameBytes & 1) != 0 || StreamEntry.DISK_HEADER_SIZE + (long) snameBytes > slen) {
                throw invalid(where, pos, "stream name of " + snameBytes + " bytes does not fit in its entry");
            }
            streams.add(new StreamEntry(Utf16.decode(buf, s + 38, snameBytes), Arrays.copyOfRange(buf, s + 16, s + 36),
                    WimStreamType.UNKNOWN));
            pos += slen;
        }
        Dentry d = new Dentry(offset, buf, at, name, shortName, tagged, streams, pos);
        return new Parsed(d, pos);
    }

    static InvalidMetadataException invalid(String where, long offset, String detail) {
        return new InvalidMetadataException(where + " at offset 0x" + Long.toHexString(offset) + ": " + detail);
    }

    long nextOffset() {
        return nextOffset;
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public Dentry parent() {
        return parent;
    }

    public Inode inode() {
        return inode;
    }

    /** Children in wimlib's order ({@link NameCollation}). */
    public List<Dentry> children() {
        return Collections.unmodifiableList(children);
    }

    public boolean isRoot() {
        return parent == null;
    }

    public boolean isDirectory() {
        return (inode.attributes() & FILE_ATTRIBUTE_DIRECTORY) != 0;
    }

    /** Offset of this dentry in the metadata resource. */
    public long offset() {
        return offset;
    }

    /** Path from the image root, {@code /} for the root, {@code /a/b} below it. */
    public String fullPath() {
        if (parent == null) {
            return "/";
        }
        List<String> parts = new ArrayList<>();
        for (Dentry d = this; d.parent != null; d = d.parent) {
            parts.add(d.name);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append('/').append(parts.get(i));
        }
        return sb.toString();
    }

    /** Child named exactly {@code childName}, or null. */
    public Dentry child(String childName) {
        for (Dentry c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return fullPath();
    }
}
