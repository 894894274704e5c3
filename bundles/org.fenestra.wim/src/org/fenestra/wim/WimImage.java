package org.fenestra.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.internal.extract.ImageExtractor;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.WimProgress;

/** One image of an opened WIM: its directory tree and access to file data. */
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
        BlobDescriptor b = wim.blob(s.hash());
        if (b == null) {
            return new WimStream(name, s.type(), s.hash(), null, true);
        }
        return new WimStream(name, s.type(), s.hash(), WimBlobInfo.of(b, wim.partNumberOf(b)), false);
    }

    /** The blob holding the data of {@code stream}, or null when empty; throws when missing. */
    public BlobDescriptor blobOf(WimStream stream, String path) throws MissingBlobException {
        if (stream == null || stream.blob() == null && !stream.missing()) {
            return null;
        }
        BlobDescriptor b = wim.blob(stream.hash());
        if (b == null) {
            String msg = "\"" + path + "\": blob not found (SHA-1 " + org.fenestra.wim.internal.format.LittleEndian.hex(stream.hash())
                    + ")";
            throw wim.isSplit() ? new MissingSplitPartException(msg + "; open the other parts of the split WIM")
                    : new MissingBlobException(msg);
        }
        return b;
    }

    /** Streams the data of the given blobs, each resource read once. */
    public void readBlobs(List<BlobDescriptor> blobs, org.fenestra.wim.internal.read.BlobStreamer.BlobSink sink,
            WimProgress progress) throws IOException {
        wim.streamBlobs(blobs, sink, progress);
    }

    /** True when the WIM header asks for reparse point fix-ups (RP_FIX). */
    public boolean rpFix() {
        return wim.header().rpFix();
    }

    /**
     * Extracts files of this image below {@code targetDir}: the whole image ({@code paths}
     * empty, like {@code apply}) or the given paths (like {@code extract}).
     */
    public ExtractReport extract(List<String> paths, Path targetDir, ExtractOptions options, WimProgress progress)
            throws IOException {
        return new ImageExtractor(this, options, progress).extract(paths, targetDir);
    }
}
