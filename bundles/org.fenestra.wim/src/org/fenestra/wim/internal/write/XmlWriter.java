package org.fenestra.wim.internal.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fenestra.wim.model.WindowsFacts;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Produces the WIM's XML document (read by {@link org.fenestra.wim.internal.format.XmlDocument}):
 * UTF-16LE with a byte order mark, no white space between elements, as wimlib writes it:
 * {@code <WIM>}, one {@code <IMAGE INDEX="n">} per image, then the top-level
 * {@code <TOTALBYTES>} (the offset at which the XML data starts, i.e. the size of everything
 * before it).
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    /** The IMAGE element of a newly captured image, with wimlib's element order. */
    public static String newImage(int index, String name, String description, String flags, ImageStats s,
            long creationTime, long modificationTime) {
        return newImage(index, name, description, flags, WindowsFacts.NOT_WINDOWS, s, creationTime, modificationTime);
    }

    /**
     * The IMAGE element of a newly captured image holding Windows: wimlib's order, where the
     * {@code <WINDOWS>} element and the FLAGS (EditionID), DISPLAYNAME and DISPLAYDESCRIPTION
     * (ProductName) it derives from the hives come right after the times, set before DESCRIPTION
     * and the admin's FLAGS (which replace EditionID's in place).
     */
    public static String newImage(int index, String name, String description, String flags, WindowsFacts windows,
            ImageStats s, long creationTime, long modificationTime) {
        StringBuilder sb = new StringBuilder();
        sb.append("<IMAGE INDEX=\"").append(index).append("\">");
        if (name != null && !name.isEmpty()) {
            text(sb, "NAME", name);
        }
        text(sb, "DIRCOUNT", Long.toString(s.dirCount()));
        text(sb, "FILECOUNT", Long.toString(s.fileCount()));
        text(sb, "TOTALBYTES", Long.toString(s.totalBytes()));
        text(sb, "HARDLINKBYTES", Long.toString(s.hardLinkBytes()));
        timestamp(sb, "CREATIONTIME", creationTime);
        timestamp(sb, "LASTMODIFICATIONTIME", modificationTime);
        boolean userFlags = flags != null && !flags.isEmpty();
        boolean flagsDone = false;
        if (windows.isWindows()) {
            WindowsXml.append(sb, windows);
            if (!windows.editionId().isEmpty()) {
                text(sb, "FLAGS", userFlags ? flags : windows.editionId());
                flagsDone = true;
            }
            optional(sb, "DISPLAYNAME", windows.productName());
            optional(sb, "DISPLAYDESCRIPTION", windows.productName());
        }
        if (description != null && !description.isEmpty()) {
            text(sb, "DESCRIPTION", description);
        }
        if (userFlags && !flagsDone) {
            text(sb, "FLAGS", flags);
        }
        return sb.append("</IMAGE>").toString();
    }

    /** An element wimlib writes only when its value is not empty. */
    static void optional(StringBuilder sb, String tag, String value) {
        if (!value.isEmpty()) {
            text(sb, tag, value);
        }
    }

    /** The start tag of {@code image} with INDEX set to {@code index}, its other attributes kept. */
    private static StringBuilder openRenumbered(Element image, int index) {
        StringBuilder sb = new StringBuilder();
        sb.append("<IMAGE INDEX=\"").append(index).append("\"");
        NamedNodeMap attrs = image.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!a.getName().equals("INDEX")) {
                attribute(sb, a);
            }
        }
        return sb.append('>');
    }

    /**
     * An IMAGE element copied from another WIM, renumbered; NAME and DESCRIPTION are replaced
     * when given (appended when the source had none), everything else is kept as it was.
     */
    public static String copiedImage(Element image, int index, String newName, String newDescription) {
        StringBuilder sb = openRenumbered(image, index);
        boolean nameDone = false;
        boolean descriptionDone = false;
        for (Node n = image.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("NAME") && newName != null) {
                if (!nameDone) {
                    text(sb, "NAME", newName);
                }
                nameDone = true;
            } else if (n instanceof Element e && e.getTagName().equals("DESCRIPTION") && newDescription != null) {
                if (!descriptionDone) {
                    text(sb, "DESCRIPTION", newDescription);
                }
                descriptionDone = true;
            } else {
                node(sb, n);
            }
        }
        if (!nameDone && newName != null && !newName.isEmpty()) {
            text(sb, "NAME", newName);
        }
        if (!descriptionDone && newDescription != null && !newDescription.isEmpty()) {
            text(sb, "DESCRIPTION", newDescription);
        }
        return sb.append("</IMAGE>").toString();
    }

    /**
     * An IMAGE element of an image changed by an update, renumbered: the statistics and
     * LASTMODIFICATIONTIME take their new values (added if missing), as wimlib's
     * {@code xml_update_image_info} does; everything else is kept.
     */
    public static String updatedImage(Element image, int index, ImageStats s, long modificationTime) {
        java.util.Map<String, String> replaced = new java.util.LinkedHashMap<>();
        replaced.put("DIRCOUNT", "<DIRCOUNT>" + s.dirCount() + "</DIRCOUNT>");
        replaced.put("FILECOUNT", "<FILECOUNT>" + s.fileCount() + "</FILECOUNT>");
        replaced.put("TOTALBYTES", "<TOTALBYTES>" + s.totalBytes() + "</TOTALBYTES>");
        replaced.put("HARDLINKBYTES", "<HARDLINKBYTES>" + s.hardLinkBytes() + "</HARDLINKBYTES>");
        StringBuilder time = new StringBuilder();
        timestamp(time, "LASTMODIFICATIONTIME", modificationTime);
        replaced.put("LASTMODIFICATIONTIME", time.toString());
        StringBuilder sb = openRenumbered(image, index);
        for (Node n = image.getFirstChild(); n != null; n = n.getNextSibling()) {
            String with = n instanceof Element e ? replaced.remove(e.getTagName()) : null;
            if (with != null) {
                sb.append(with);
            } else if (!(n instanceof Element e && replaced.containsKey(e.getTagName()))) {
                node(sb, n);
            }
        }
        replaced.values().forEach(sb::append);
        return sb.append("</IMAGE>").toString();
    }

    /** The whole document as stored. */
    public static byte[] document(List<String> images, long totalBytes) {
        return document(images, Long.valueOf(totalBytes));
    }

    /**
     * The document without the top-level TOTALBYTES: the copy a pipable WIM carries after its
     * header, written before the size of what precedes the final XML data is known (as wimlib).
     */
    static byte[] documentWithoutTotalBytes(List<String> images) {
        return document(images, null);
    }

    private static byte[] document(List<String> images, Long totalBytes) {
        StringBuilder sb = new StringBuilder("\uFEFF<WIM>");
        for (String i : images) {
            sb.append(i);
        }
        if (totalBytes != null) {
            text(sb, "TOTALBYTES", Long.toString(totalBytes));
        }
        sb.append("</WIM>");
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() * 2);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    private static void node(StringBuilder sb, Node n) {
        switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) n;
                sb.append('<').append(e.getTagName());
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    attribute(sb, (Attr) attrs.item(i));
                }
                sb.append('>');
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    node(sb, c);
                }
                sb.append("</").append(e.getTagName()).append('>');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(sb, n.getNodeValue(), false);
            default -> {
                // comments and processing instructions carry no image property
            }
        }
    }

    private static void attribute(StringBuilder sb, Attr a) {
        sb.append(' ').append(a.getName()).append("=\"");
        escape(sb, a.getValue(), true);
        sb.append('"');
    }

    static void text(StringBuilder sb, String tag, String value) {
        sb.append('<').append(tag).append('>');
        escape(sb, value, false);
        sb.append("</").append(tag).append('>');
    }

    private static void timestamp(StringBuilder sb, String tag, long filetime) {
        sb.append('<').append(tag).append('>');
        sb.append(String.format("<HIGHPART>0x%08X</HIGHPART><LOWPART>0x%08X</LOWPART>", filetime >>> 32,
                filetime & 0xFFFFFFFFL));
        sb.append("</").append(tag).append('>');
    }

    private static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
