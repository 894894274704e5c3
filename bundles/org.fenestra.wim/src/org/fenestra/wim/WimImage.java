package org.fenestra.wim;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.read.BlobStreamer;
import org.fenestra.wim.model.WimProgress;

/**
 * One image of an opened WIM: its directory tree and access to file data.
 *
 * @since 0.1
 */
public final class WimImage {
    private final WimFile wim;
    private final WimImageInfo info;
    private final ImageMetadata metadata;

    WimImage(WimFile wim, WimImageInfo info, ImageMetadata metadata) {
        this.wim = wim;
        this.info = info;
        this.metadata = metadata;
    }

    public WimFile wim() {
        return wim;
    }

    public WimImageInfo info() {
        return info;
    }

    public int index() {
        return info.index();
    }

    ImageMetadata metadata() {
        return metadata;
    }

    /** The root directory, or null for an image without any directory entry. */
    public WimEntry root() {
        return metadata.root() == null ? null : new WimEntry(this, metadata.root());
    }

    /** The entry at {@code path} ("/"-separated, case-sensitive), or null. */
    public WimEntry lookup(String path) {
        Dentry d = metadata.lookup(path);
        return d == null ? null : new WimEntry(this, d);
    }

    /** Visits {@code from} and everything below it, parents before children, in wimlib's order. */
    public void walk(WimEntry from, EntryVisitor visitor) throws IOException {
        Deque<Dentry> work = new ArrayDeque<>();
        work.push(from.dentry());
        while (!work.isEmpty()) {
            Dentry d = work.pop();
            visitor.visit(new WimEntry(this, d));
            List<Dentry> kids = d.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                work.push(kids.get(i));
            }
        }
    }

    /** Receives entries from {@link #walk}. */
    public interface EntryVisitor {
        void visit(WimEntry entry) throws IOException;
    }

    WimStream describe(StreamEntry s) {
        String name = s.named() ? s.name() : null;
        if (s.zeroHash()) {
            return new WimStream(name, s.type(), s.hash(), null, false);
        }
        BlobDescriptor b = wim.opened().blob(s.hash());
        if (b == null) {
            return new WimStream(name, s.type(), s.hash(), null, true);
        }
        return new WimStream(name, s.type(), s.hash(), WimBlobInfo.of(b, wim.opened().partNumberOf(b)), false);
    }

    /** The blob holding the data of {@code stream}, or null when empty; throws when missing. */
    public WimBlob blobOf(WimStream stream, String path) throws MissingBlobException {
        if (stream == null || stream.blob() == null && !stream.missing()) {
            return null;
        }
        BlobDescriptor b = wim.opened().blob(stream.hash());
        if (b == null) {
            String msg = "\"" + path + "\": blob not found (SHA-1 " + LittleEndian.hex(stream.hash()) + ")";
            throw wim.opened().isSplit() ? new MissingSplitPartException(msg + "; open the other parts of the split WIM")
                    : new MissingBlobException(msg);
        }
        return new WimBlob(b, WimBlobInfo.of(b, wim.opened().partNumberOf(b)));
    }

    /** Streams the data of the given blobs, each resource read once. */
    public void readBlobs(List<WimBlob> blobs, BlobDataSink sink, WimProgress progress) throws IOException {
        Map<BlobDescriptor, WimBlob> byDescriptor = new IdentityHashMap<>();
        for (WimBlob b : blobs) {
            byDescriptor.put(b.descriptor(), b);
        }
        wim.opened().streamBlobs(new ArrayList<>(byDescriptor.keySet()), new BlobStreamer.BlobSink() {
            @Override
            public void begin(BlobDescriptor blob) throws IOException {
                sink.begin(byDescriptor.get(blob));
            }

            @Override
            public void data(BlobDescriptor blob, byte[] b, int off, int len) throws IOException {
                sink.data(byDescriptor.get(blob), b, off, len);
            }

            @Override
            public void end(BlobDescriptor blob) throws IOException {
                sink.end(byDescriptor.get(blob));
            }

            @Override
            public void corrupted(BlobDescriptor blob, BlobHashMismatchException error) throws IOException {
                sink.corrupted(byDescriptor.get(blob), error);
            }

            @Override
            public void failed(List<BlobDescriptor> affected, WimFormatException error) throws IOException {
                List<WimBlob> mapped = new ArrayList<>(affected.size());
                for (BlobDescriptor b : affected) {
                    mapped.add(byDescriptor.get(b));
                }
                sink.failed(mapped, error);
            }
        }, progress);
    }

    /** True when the WIM header asks for reparse point fix-ups (RP_FIX). */
    public boolean rpFix() {
        return wim.header().rpFix();
    }
}
