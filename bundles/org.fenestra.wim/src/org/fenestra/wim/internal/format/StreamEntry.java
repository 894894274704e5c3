package org.fenestra.wim.internal.format;

import org.fenestra.wim.model.WimStreamType;

/**
 * A stream of a file. The first stream comes from the dentry's hash field; further streams
 * from the extra stream entries that follow the dentry. An extra stream entry on disk:
 *
 * <pre>
 * offset size field
 *  0     8    length of the entry including name and padding (rounded up to 8)
 *  8     8    reserved
 * 16    20    SHA-1 of the stream data (all zero when empty)
 * 36     2    name length in bytes (0 = unnamed)
 * 38     n    UTF-16LE name, then a 2-byte null terminator if named
 * </pre>
 *
 * @param name unnamed streams have {@code ""}
 * @param hash SHA-1 of the data, all zero for empty data
 * @param type what the stream holds, decided from attributes and position (see {@link Inode})
 */
public record StreamEntry(String name, byte[] hash, WimStreamType type) {

    public static final int DISK_HEADER_SIZE = 38;

    public boolean named() {
        return !name.isEmpty();
    }

    public StreamEntry withType(WimStreamType t) {
        return new StreamEntry(name, hash, t);
    }

    public boolean zeroHash() {
        for (byte b : hash) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
