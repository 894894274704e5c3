package org.fenestra.wim.internal.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.fenestra.wim.errors.InvalidXmlException;

/**
 * One opened WIM file: its header, XML document and blob table. A standalone WIM is one part;
 * a split set has several with the same GUID.
 */
public final class WimPart implements Closeable {
    private final WimSource source;
    private final WimHeader header;
    private final XmlDocument xml;
    private final BlobTable blobTable;

    private WimPart(WimSource source, WimHeader header, XmlDocument xml, BlobTable blobTable) {
        this.source = source;
        this.header = header;
        this.xml = xml;
        this.blobTable = blobTable;
    }

    /** Opens a WIM file and reads its header, XML document and blob table (in wimlib's order). */
    public static WimPart open(Path path) throws IOException {
        WimSource src = WimSource.open(path);
        try {
            WimHeader h = WimHeader.read(src);
            XmlDocument xml = XmlDocument.read(src, h);
            if (xml.imageCount() != h.imageCount()) {
                throw new InvalidXmlException(src.describe("XML data", h.xmlData().offsetInWim(), "the header counts "
                        + h.imageCount() + " images, the XML document describes " + xml.imageCount()));
            }
            BlobTable table = BlobTable.read(src, h);
            return new WimPart(src, h, xml, table);
        } catch (IOException | RuntimeException e) {
            src.close();
            throw e;
        }
    }

    /**
     * A WIM read from a pipe: no file to read structures from, and an empty blob table (a pipe
     * brings blobs as they come, see {@link org.fenestra.wim.internal.read.PipableStreamReader}).
     */
    public static WimPart fromPipe(WimHeader header, XmlDocument xml) {
        return new WimPart(null, header, xml, BlobTable.empty());
    }

    /** The file, or null for a WIM read from a pipe. */
    public WimSource source() {
        return source;
    }

    public WimHeader header() {
        return header;
    }

    public XmlDocument xml() {
        return xml;
    }

    public BlobTable blobTable() {
        return blobTable;
    }

    /** Images with a metadata resource (wimlib lowers the image count when some are missing). */
    public int imageCount() {
        return header.partNumber() == 1 && source != null ? blobTable.metadata().size() : (int) header.imageCount();
    }

    @Override
    public void close() throws IOException {
        if (source != null) {
            source.close();
        }
    }
}
