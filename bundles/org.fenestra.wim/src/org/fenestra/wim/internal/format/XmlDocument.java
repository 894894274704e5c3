package org.fenestra.wim.internal.format;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.fenestra.wim.errors.InvalidXmlException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The WIM's XML document (a resource referenced by the header): UTF-16LE text, normally with a
 * byte order mark, root element {@code WIM} with a {@code TOTALBYTES} element and one
 * {@code IMAGE INDEX="n"} element per image (indices 1..n, each exactly once).
 */
public final class XmlDocument {
    private static final long MAX_XML_BYTES = 256L << 20;

    private final byte[] raw;
    private final Element root;
    private final List<Element> images;

    private XmlDocument(byte[] raw, Element root, List<Element> images) {
        this.raw = raw;
        this.root = root;
        this.images = images;
    }

    public static XmlDocument read(WimSource src, WimHeader hdr) throws IOException {
        ResourceHeader h = hdr.xmlData();
        if (!h.fitsIn(src.size())) {
            throw WimHeader.beyondEnd(src, "XML data", h);
        }
        byte[] raw = ResourceReader.readAll(Resource.nonSolid(src, hdr, h), "XML data", MAX_XML_BYTES);
        return parse(raw, src.describe("XML data", h.offsetInWim(), ""));
    }

    /** Parses the raw UTF-16LE bytes; {@code where} prefixes error messages. */
    public static XmlDocument parse(byte[] raw, String where) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_16LE);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(text)));
        } catch (SAXException | ParserConfigurationException e) {
            throw new InvalidXmlException(where + "cannot parse the XML document: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (root == null || !"WIM".equals(root.getTagName())) {
            throw new InvalidXmlException(where + "root element is not WIM");
        }
        Element esd = child(root, "ESD");
        if (esd != null && child(esd, "ENCRYPTED") != null) {
            throw new UnsupportedWimException(where + "the WIM is encrypted (ESD/ENCRYPTED)");
        }
        return new XmlDocument(raw, root, imagesByIndex(root, where));
    }

    private static List<Element> imagesByIndex(Element root, String where) throws InvalidXmlException {
        List<Element> found = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "IMAGE".equals(e.getTagName())) {
                found.add(e);
            }
        }
        Element[] byIndex = new Element[found.size()];
        for (Element e : found) {
            long index = parseUnsigned(e.getAttribute("INDEX"), 10);
            if (index < 1 || index > byIndex.length || byIndex[(int) index - 1] != null) {
                throw new InvalidXmlException(where + "the XML document does not contain exactly one IMAGE element per image");
            }
            byIndex[(int) index - 1] = e;
        }
        return List.of(byIndex);
    }

    /** The document exactly as stored (UTF-16LE, with its byte order mark). */
    public byte[] raw() {
        return raw.clone();
    }

    public int imageCount() {
        return images.size();
    }

    /** Top-level TOTALBYTES (0 if absent), which wimlib prints as the WIM's "Size". */
    public long totalBytes() {
        return number(root, "TOTALBYTES");
    }

    /** The IMAGE element of image {@code index} (1-based). */
    public Element image(int index) {
        return images.get(index - 1);
    }

    /** First child element named {@code name}, or null. */
    public static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** Element at a slash-separated path of first-matching children, or null. */
    public static Element element(Element from, String path) {
        if (path.equals(".")) {
            return from;
        }
        Element e = from;
        for (String part : path.split("/")) {
            if (e == null) {
                return null;
            }
            e = child(e, part);
        }
        return e;
    }

    /** Text of the first text child of the element at {@code path}, or null (as wimlib). */
    public static String text(Element from, String path) {
        Element e = element(from, path);
        if (e == null) {
            return null;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                return n.getNodeValue();
            }
        }
        return null;
    }

    /** Decimal number at {@code path}; 0 when absent or not a number (as wimlib). */
    public static long number(Element from, String path) {
        return parseUnsigned(text(from, path), 10);
    }

    /** A FILETIME stored as HIGHPART/LOWPART hex children; 0 when absent. */
    public static long timestamp(Element from, String path) {
        Element e = element(from, path);
        if (e == null) {
            return 0;
        }
        long high = parseUnsigned(text(e, "HIGHPART"), 16);
        long low = parseUnsigned(text(e, "LOWPART"), 16);
        return high << 32 | low;
    }

    /**
     * Parses like C's strtoull on the whole string: leading white space, optional "0x" for base
     * 16; anything unparsed, an empty number or an overflow gives 0.
     */
    static long parseUnsigned(String s, int radix) {
        if (s == null) {
            return 0;
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '+') {
            i++;
        }
        if (radix == 16 && s.startsWith("0x", i) || radix == 16 && s.startsWith("0X", i)) {
            i += 2;
        }
        if (i == s.length()) {
            return 0;
        }
        try {
            long v = Long.parseUnsignedLong(s.substring(i), radix);
            return v == -1L ? 0 : v;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
