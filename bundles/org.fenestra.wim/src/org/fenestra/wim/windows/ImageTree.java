package org.fenestra.wim.windows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.windows.TreeNode;
import org.fenestra.wim.internal.windows.UnreadableFileException;
import org.fenestra.wim.model.WimProgress;

/** An image inside a WIM as a {@link TreeNode} tree; files are read from their blobs into memory. */
final class ImageTree implements TreeNode {

    private final WimImage image;
    private final WimEntry entry;
    private final WimProgress progress;

    ImageTree(WimImage image, WimProgress progress) {
        this(image, image.root(), progress);
    }

    private ImageTree(WimImage image, WimEntry entry, WimProgress progress) {
        this.image = image;
        this.entry = entry;
        this.progress = progress;
    }

    @Override
    public String name() {
        return entry == null ? "" : entry.name();
    }

    @Override
    public boolean isDirectory() {
        return entry != null && entry.isDirectory();
    }

    @Override
    public List<TreeNode> children() {
        List<TreeNode> children = new ArrayList<>();
        if (entry != null) {
            for (WimEntry c : entry.children()) {
                children.add(new ImageTree(image, c, progress));
            }
        }
        return children;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        WimBlob blob;
        try {
            blob = image.blobOf(entry.mainStream(), entry.fullPath());
        } catch (MissingBlobException e) {
            throw new UnreadableFileException(path() + ": " + e.getMessage(), e);
        }
        if (blob == null) {
            return new byte[0];
        }
        if (blob.size() > maxBytes) {
            throw new UnreadableFileException(path() + " is " + blob.size() + " bytes, more than the "
                    + maxBytes + " read into memory", null);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) blob.size());
        try {
            image.readBlobs(List.of(blob), new BlobDataSink() {
                @Override
                public void begin(WimBlob b) {
                }

                @Override
                public void data(WimBlob b, byte[] data, int off, int len) {
                    content.write(data, off, len);
                }

                @Override
                public void end(WimBlob b) {
                }
            }, progress);
        } catch (WimCancelledException e) {
            throw e;
        } catch (WimFormatException | BlobHashMismatchException e) {
            throw new UnreadableFileException(path() + " is damaged in the WIM: " + e.getMessage(), e);
        }
        return content.toByteArray();
    }

    @Override
    public String path() {
        return entry == null ? "/" : entry.fullPath();
    }
}
