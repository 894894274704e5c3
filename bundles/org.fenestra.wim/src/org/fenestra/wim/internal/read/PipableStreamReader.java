package org.fenestra.wim.internal.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.codecs.Decompressors;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.InvalidPipableWimException;
import org.fenestra.wim.errors.InvalidXmlException;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.NotPipableException;
import org.fenestra.wim.errors.TruncatedWimException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.errors.WimDecompressionException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.Inode;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.PipableBlobHeader;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.XmlDocument;
import org.fenestra.wim.model.ChunkSizes;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimStreamType;

/**
 * Reads a pipable WIM from a stream that cannot seek (standard input), as wimlib's
 * {@code apply -} does: the header, the copy of the XML data after it, the metadata resources
 * (keeping the one image to apply), then blobs as they come, each announced by its
 * {@link PipableBlobHeader}. The blob table at the end is never needed.
 *
 * <p>The image's file data is asked for in a few passes (file contents, then reparse data and
 * named streams, see the extractor); the stream can be read only once, so while the first
 * pass reads it, the blobs later passes will want (reparse data and named streams, all small)
 * are kept in memory, and the first pass reads on until it has them all. Blobs of other images
 * are skipped. Every blob's SHA-1 is checked as it streams, and a corrupted blob reaches the
 * sink as such, as from {@link BlobStreamer}.
 */
public final class PipableStreamReader {
    /** Blobs kept in memory for a later pass are at most this large (the extractor reads no larger ones then). */
    private static final int KEPT_BLOB_LIMIT = 64 * 1024;
    /** XML data and metadata resources are read into memory: larger claims are not believed (as from files). */
    private static final long MAX_XML_BYTES = 256L << 20;
    private static final long MAX_METADATA_BYTES = 1L << 30;
    private static final int RAW_PIECE = 1 << 20;
    private static final String ENDED = "The pipe ended before all needed data was sent!";

    private final InputStream in;
    private final String name;
    private final WimHeader header;
    private final XmlDocument xml;
    private long position;

    private int openedIndex;
    private ImageMetadata opened;
    /** Blobs the opened image names: a placeholder of size 0 until its header is met in the stream. */
    private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new HashMap<>();
    /** Blobs of the opened image a later pass will ask for, not yet met. */
    private final Set<BlobDescriptor.Sha1Key> laterWanted = new HashSet<>();
    private final Map<BlobDescriptor.Sha1Key, Kept> kept = new HashMap<>();
    /** Blobs met in the stream during the current pass, with their sizes. */
    private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> met = new HashMap<>();

    /** A blob held for a later pass: its data, or the error that made it unreadable or corrupted. */
    private record Kept(byte[] data, IOException failure) {
    }

    private PipableStreamReader(InputStream in, String name, WimHeader header, XmlDocument xml, long position) {
        this.in = in;
        this.name = name;
        this.header = header;
        this.xml = xml;
        this.position = position;
    }

    /** Reads the header and the XML data that follows it; {@code name} names the stream in messages. */
    public static PipableStreamReader open(InputStream in, String name) throws IOException {
        byte[] b = new byte[WimHeader.DISK_SIZE];
        readFully(in, b, 0, b.length);
        long magic = LittleEndian.u64(b, 0);
        if (magic == WimHeader.MAGIC) {
            throw new NotPipableException("The WIM being read from " + name + " is not pipable!");
        }
        if (magic != WimHeader.PIPABLE_MAGIC) {
            throw new NotAWimException(name + ": WIM header: invalid magic characters");
        }
        WimHeader h = WimHeader.parse(b, true, 0, (structure, offset, detail) -> name + ": " + structure
                + " at offset 0x" + Long.toHexString(offset) + ": " + detail);
        if (h.partNumber() != 1) {
            throw new InvalidPipableWimException("The first part of the split WIM must be sent over the pipe first.");
        }
        PipableStreamReader r = new PipableStreamReader(in, name, h, null, b.length);
        PipableBlobHeader xh = r.nextBlobHeader(false);
        if (!xh.has(ResourceHeader.FLAG_METADATA)) {
            throw new InvalidPipableWimException("Expected XML data, but found non-metadata resource.");
        }
        XmlDocument doc = XmlDocument.parse(r.readToMemory(xh, "XML data", MAX_XML_BYTES), name + ": XML data");
        if (doc.imageCount() != h.imageCount()) {
            throw new InvalidXmlException("Image count in XML data is not the same as in WIM header.");
        }
        return new PipableStreamReader(in, name, h, doc, r.position);
    }

    public WimHeader header() {
        return header;
    }

    public XmlDocument xml() {
        return xml;
    }

    public String name() {
        return name;
    }

    /**
     * Reads every image's metadata resource (they all come before the file data), keeping
     * image {@code index}'s. Only one image can be applied from a stream.
     */
    public ImageMetadata openImage(int index) throws IOException {
        if (opened != null) {
            if (index == openedIndex) {
                return opened;
            }
            throw new UnsupportedWimException(name + ": only one image can be read from a pipe");
        }
        ImageMetadata md = null;
        for (int i = 1; i <= header.imageCount(); i++) {
            PipableBlobHeader h = nextBlobHeader(false);
            if (!h.has(ResourceHeader.FLAG_METADATA)) {
                throw new InvalidPipableWimException("Expected metadata resource, but found non-metadata resource");
            }
            if (i != index) {
                readResource(h, null);
                continue;
            }
            byte[] raw = readToMemory(h, "metadata resource of image " + i, MAX_METADATA_BYTES);
            byte[] actual = Sha1.of(raw);
            if (!Arrays.equals(actual, h.hash())) {
                throw new BlobHashMismatchException(name + ": metadata resource of image " + i + " has SHA-1 "
                        + LittleEndian.hex(actual) + ", expected " + LittleEndian.hex(h.hash()));
            }
            md = ImageMetadata.parse(raw, name + ": metadata resource of image " + i);
        }
        opened = md;
        openedIndex = index;
        for (Inode inode : md.inodes()) {
            for (StreamEntry s : inode.streams()) {
                if (s.zeroHash()) {
                    continue;
                }
                BlobDescriptor.Sha1Key k = new BlobDescriptor.Sha1Key(s.hash());
                blobs.putIfAbsent(k, descriptor(s.hash(), 0, 0));
                if (s.named() || s.type() != WimStreamType.DATA) {
                    laterWanted.add(k);
                }
            }
        }
        return md;
    }

    /** The blob of the opened image with this SHA-1 (its size is 0 until the stream reached it), or null. */
    public BlobDescriptor blob(byte[] hash) {
        return blobs.get(new BlobDescriptor.Sha1Key(hash));
    }

    /**
     * Delivers the data of {@code wanted} (blobs of the opened image) to {@code sink}: those kept
     * in memory first, then the others as the stream brings them. Stops once they and every blob
     * a later pass will want have been met; the end of the stream before that is an error.
     */
    public void stream(List<BlobDescriptor> wanted, BlobStreamer.BlobSink sink, WimProgress progress)
            throws IOException {
        Map<BlobDescriptor.Sha1Key, BlobDescriptor> pending = new LinkedHashMap<>();
        for (BlobDescriptor b : wanted) {
            pending.put(b.key(), b);
        }
        for (var it = pending.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            Kept k = kept.get(e.getKey());
            if (k != null) {
                it.remove();
                deliverKept(e.getValue(), k, sink);
            }
        }
        while (!pending.isEmpty() || !laterWanted.isEmpty()) {
            WimProgress.checkCanceled(progress);
            PipableBlobHeader h = nextBlobHeader(true);
            BlobDescriptor.Sha1Key key = new BlobDescriptor.Sha1Key(h.hash());
            if (h.has(ResourceHeader.FLAG_METADATA)) {
                readResource(h, null); // the blob table and the XML data at the end
                continue;
            }
            long at = position;
            BlobDescriptor target = pending.remove(key);
            boolean keep = laterWanted.remove(key) && h.uncompressedSize() <= KEPT_BLOB_LIMIT;
            if (blobs.containsKey(key)) {
                met.put(key, descriptor(h.hash(), h.uncompressedSize(), h.flags(), at));
            }
            if (target == null && !keep) {
                readResource(h, null);
                continue;
            }
            ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream((int) h.uncompressedSize()) : null;
            MessageDigest sha = Sha1.newDigest();
            if (target != null) {
                sink.begin(target);
            }
            WimDecompressionException failure;
            try {
                failure = readResource(h, (b, off, len) -> {
                    sha.update(b, off, len);
                    if (target != null) {
                        sink.data(target, b, off, len);
                    }
                    if (copy != null) {
                        copy.write(b, off, len);
                    }
                    progress.worked(len);
                });
            } catch (WimFormatException e) {
                // The stream cannot go on (it ended, or lost its structure): the sink drops what
                // it received of the blob (or, recovering data, keeps it and reports it damaged).
                if (target != null) {
                    sink.failed(List.of(target), e);
                }
                throw e;
            }
            IOException error = failure;
            if (failure == null) {
                byte[] actual = sha.digest();
                if (!Arrays.equals(actual, h.hash())) {
                    error = mismatch(h, at, actual);
                }
            }
            if (keep) {
                kept.put(key, new Kept(copy.toByteArray(), error));
            }
            if (target != null) {
                deliverEnd(target, error, sink);
            }
        }
        // Only now: during a pass, the descriptors handed out stay the same objects (the
        // extractor matches blobs by identity); later passes see the sizes the stream told.
        blobs.putAll(met);
        met.clear();
    }

    /** {@code error}: null, a {@link BlobHashMismatchException} or a {@link WimFormatException}. */
    private static void deliverEnd(BlobDescriptor target, IOException error, BlobStreamer.BlobSink sink)
            throws IOException {
        if (error == null) {
            sink.end(target);
        } else if (error instanceof BlobHashMismatchException m) {
            sink.corrupted(target, m);
        } else {
            sink.failed(List.of(target), (WimFormatException) error);
        }
    }

    private static void deliverKept(BlobDescriptor target, Kept k, BlobStreamer.BlobSink sink) throws IOException {
        sink.begin(target);
        sink.data(target, k.data(), 0, k.data().length);
        deliverEnd(target, k.failure(), sink);
    }

    private BlobHashMismatchException mismatch(PipableBlobHeader h, long at, byte[] actual) {
        CompressionType c = compressed(h) ? header.compressionType() : CompressionType.NONE;
        CorruptBlob blob = new CorruptBlob(name, h.hash(), h.uncompressedSize(), at, 0, h.uncompressedSize(), h.flags(),
                ChunkSizes.displayName(c), c == CompressionType.NONE ? 0 : header.chunkSize(), actual, null);
        return new BlobHashMismatchException(name + ": blob at offset 0x" + Long.toHexString(at) + " of "
                + h.uncompressedSize() + " bytes has SHA-1 " + LittleEndian.hex(actual) + ", expected "
                + LittleEndian.hex(h.hash()), blob);
    }

    /** A blob as met in the stream ({@code flags} of its header) or, with size 0, not met yet. */
    private BlobDescriptor descriptor(byte[] hash, long size, int flags, long offset) {
        boolean compressed = (flags & ResourceHeader.FLAG_COMPRESSED) != 0
                && header.compressionType() != CompressionType.NONE;
        Resource r = new Resource(null, new ResourceHeader(0, flags, offset, size), size,
                compressed ? header.compressionType() : CompressionType.NONE, compressed ? header.chunkSize() : 0, false,
                true);
        return new BlobDescriptor(hash.clone(), size, r, 0, 1, 1, false, 0);
    }

    private BlobDescriptor descriptor(byte[] hash, long size, int flags) {
        return descriptor(hash, size, flags, 0);
    }

    /**
     * The next blob header. {@code headersAllowed}: a WIM header met instead (the end of the
     * WIM, or a further part of a split set sent after it) is skipped, as wimlib does.
     */
    private PipableBlobHeader nextBlobHeader(boolean headersAllowed) throws IOException {
        while (true) {
            byte[] b = new byte[PipableBlobHeader.DISK_SIZE];
            read(b, 0, b.length);
            if (headersAllowed && LittleEndian.u64(b, 0) == WimHeader.PIPABLE_MAGIC) {
                byte[] rest = new byte[WimHeader.DISK_SIZE - b.length];
                read(rest, 0, rest.length);
                continue;
            }
            PipableBlobHeader h = PipableBlobHeader.parse(b);
            if (h == null) {
                throw new InvalidPipableWimException("Data read on pipe is invalid (expected blob header at offset 0x"
                        + Long.toHexString(position - b.length) + ")");
            }
            if (h.uncompressedSize() <= 0) {
                throw new InvalidPipableWimException("Data read on pipe is invalid (resource is of 0 size)");
            }
            return h;
        }
    }

    private boolean compressed(PipableBlobHeader h) {
        return h.has(ResourceHeader.FLAG_COMPRESSED) && header.compressionType() != CompressionType.NONE;
    }

    /** Reads a whole resource into memory (XML data, metadata). */
    private byte[] readToMemory(PipableBlobHeader h, String what, long limit) throws IOException {
        if (h.uncompressedSize() > limit) {
            throw new InvalidPipableWimException(name + ": " + what + " claims " + h.uncompressedSize() + " bytes");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        WimDecompressionException failure = readResource(h, buf::write);
        if (failure != null) {
            throw failure;
        }
        return buf.toByteArray();
    }

    /** Receives the uncompressed data of a resource, in order. */
    private interface Data {
        void accept(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Reads the resource after {@code h} to its end, handing its uncompressed data to
     * {@code data} (null: skip it). A chunk that does not decompress ends the data, but the rest
     * of the resource is still read (each chunk's size precedes it), so the stream stays in step;
     * its error is returned.
     */
    private WimDecompressionException readResource(PipableBlobHeader h, Data data) throws IOException {
        long size = h.uncompressedSize();
        if (!compressed(h)) {
            byte[] buf = new byte[(int) Math.min(RAW_PIECE, size)];
            for (long left = size; left > 0;) {
                int n = (int) Math.min(buf.length, left);
                read(buf, 0, n);
                if (data != null) {
                    data.accept(buf, 0, n);
                }
                left -= n;
            }
            return null;
        }
        int chunkSize = header.chunkSize();
        long chunks = (size + chunkSize - 1) / chunkSize;
        ChunkDecompressor d = data == null ? null : Decompressors.create(header.compressionType(), chunkSize);
        byte[] stored = new byte[chunkSize];
        byte[] out = new byte[chunkSize];
        byte[] sizeField = new byte[PipableBlobHeader.CHUNK_HEADER_SIZE];
        WimDecompressionException failure = null;
        for (long i = 0; i < chunks; i++) {
            int usize = (int) Math.min(chunkSize, size - i * chunkSize);
            read(sizeField, 0, sizeField.length);
            long csize = LittleEndian.u32(sizeField, 0);
            if (csize == 0 || csize > usize) {
                throw new InvalidPipableWimException(name + ": chunk " + i + " of the blob before offset 0x"
                        + Long.toHexString(position) + " claims " + csize + " stored bytes for " + usize);
            }
            read(stored, 0, (int) csize);
            if (data == null || failure != null) {
                continue;
            }
            if (csize == usize) {
                data.accept(stored, 0, usize);
                continue;
            }
            try {
                d.decompress(stored, 0, (int) csize, out, 0, usize);
                data.accept(out, 0, usize);
            } catch (CorruptChunkException e) {
                failure = new WimDecompressionException(name + ": chunk " + i + " of the blob before offset 0x"
                        + Long.toHexString(position) + " does not decompress: " + e.getMessage(), e);
            }
        }
        skip((chunks - 1) * (size > 0xFFFFFFFFL ? 8 : 4)); // the chunk table, for readers of files
        return failure;
    }

    private void skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, RAW_PIECE)];
        for (long left = n; left > 0;) {
            int k = (int) Math.min(buf.length, left);
            read(buf, 0, k);
            left -= k;
        }
    }

    private void read(byte[] b, int off, int len) throws IOException {
        readFully(in, b, off, len);
        position += len;
    }

    private static void readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n < len) {
            throw new TruncatedWimException(ENDED);
        }
    }
}
