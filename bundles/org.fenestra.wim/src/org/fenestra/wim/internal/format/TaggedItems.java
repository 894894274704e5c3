package org.fenestra.wim.internal.format;

import java.util.Arrays;

import org.fenestra.wim.model.WimUnixData;

/**
 * Tagged metadata items in the space between a dentry's names and its end (8-aligned). Each
 * item: u32 tag, u32 data length, the data, zero padding to a multiple of 8. Unknown tags are
 * skipped; a malformed list ends the search (as wimlib does).
 */
public final class TaggedItems {
    /** NTFS object ID (16..64 bytes: object id, birth volume id, birth object id, domain id). */
    public static final int TAG_OBJECT_ID = 0x00000001;
    /** Extended attributes (Windows EA format). */
    public static final int TAG_XATTRS = 0x00000002;
    /** wimlib extension: UNIX uid, gid, mode, rdev as four u32. */
    public static final int TAG_WIMLIB_UNIX_DATA = 0x337DD873;
    /** wimlib extension: Linux xattrs (older format). */
    public static final int TAG_WIMLIB_LINUX_XATTRS = 0x337DD874;

    private static final byte[] NONE = new byte[0];

    private final byte[] items;

    public TaggedItems(byte[] items) {
        this.items = items == null ? NONE : items;
    }

    /** The items as stored (for copying them into a rewritten dentry). */
    public byte[] raw() {
        return items.clone();
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    /** Data of the first item with {@code tag} holding at least {@code minLength} bytes, or null. */
    public byte[] find(int tag, int minLength) {
        int pos = 0;
        while (items.length - pos >= 8 + minLength) {
            long len = LittleEndian.u32(items, pos + 4);
            long full = 8 + ((len + 7) & ~7L);
            if (full > items.length - pos) {
                return null;
            }
            if (LittleEndian.s32(items, pos) == tag && len >= minLength) {
                return Arrays.copyOfRange(items, pos + 8, pos + 8 + (int) len);
            }
            pos += (int) full;
        }
        return null;
    }

    /** UNIX owner, group, mode and device stored by {@code wimlib-imagex capture --unix-data}. */
    public WimUnixData unixData() {
        byte[] d = find(TAG_WIMLIB_UNIX_DATA, 16);
        if (d == null) {
            return null;
        }
        return new WimUnixData(LittleEndian.u32(d, 0), LittleEndian.u32(d, 4), LittleEndian.u32(d, 8), LittleEndian.u32(d, 12));
    }

    public byte[] objectId() {
        return find(TAG_OBJECT_ID, 0);
    }
}
