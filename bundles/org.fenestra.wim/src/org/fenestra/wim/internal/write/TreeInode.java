package org.fenestra.wim.internal.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A file of an image being written: what all its names (hard links) share. Streams refer to
 * {@link OutputBlob}s; null means empty (zero hash).
 */
public final class TreeInode {
    public static final int FILE_ATTRIBUTE_READONLY = 0x1;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    public static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
    public static final int FILE_ATTRIBUTE_ENCRYPTED = 0x4000;

    /** A named data stream. */
    public record NamedStream(String name, OutputBlob blob) {
    }

    public int attributes;
    public int securityId = -1;
    public long creationTime;
    public long lastAccessTime;
    public long lastWriteTime;
    public long reparseTag;
    public int rpReserved;
    /** Bit 0 (NOT_FIXED): an absolute link target kept as it was; wimlib sets it unless it fixed the target. */
    public int rpFlags = 1;
    /** Raw tagged metadata items (object id, UNIX data...), or null. */
    public byte[] taggedItems;
    public OutputBlob data;
    public OutputBlob reparse;
    /** Raw encrypted data, for files with FILE_ATTRIBUTE_ENCRYPTED. */
    public OutputBlob encrypted;
    public final List<NamedStream> named = new ArrayList<>();

    int linkCount;
    long linkGroupId;

    /** True for real directories (a directory reparse point counts as a file, as in wimlib's statistics). */
    public boolean isDirectory() {
        return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 && (attributes & FILE_ATTRIBUTE_REPARSE_POINT) == 0;
    }

    /** Every blob this file's streams refer to, in stream order (nulls skipped). */
    List<OutputBlob> blobs() {
        List<OutputBlob> out = new ArrayList<>();
        if ((attributes & FILE_ATTRIBUTE_ENCRYPTED) != 0) {
            if (encrypted != null) {
                out.add(encrypted);
            }
            return out;
        }
        if (reparse != null) {
            out.add(reparse);
        }
        if (data != null) {
            out.add(data);
        }
        for (NamedStream s : named) {
            if (s.blob() != null) {
                out.add(s.blob());
            }
        }
        return out;
    }

    /** Sum of the sizes of the streams, the figure wimlib's XML statistics use. */
    long streamBytes() {
        long sum = 0;
        for (OutputBlob b : blobs()) {
            sum += b.size();
        }
        return sum;
    }
}
