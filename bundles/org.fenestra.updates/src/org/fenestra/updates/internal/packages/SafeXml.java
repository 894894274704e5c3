package org.fenestra.updates.internal.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.fenestra.updates.packages.PackageFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses package XML (manifests, {@code .mum} files, unattend files) from untrusted files: no DTDs,
 * no external entities or schemas, no XInclude, bounded entity expansion, namespace-aware. A file
 * with a DOCTYPE is refused: no package format needs one.
 */
public final class SafeXml {

    /** The largest XML document read from a package; real {@code update.mum} files are far below it. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private SafeXml() {
    }

    public static Document parse(byte[] xml, String file) throws PackageFormatException {
        if (xml.length > MAX_BYTES) {
            throw PackageFormatException.damaged(file, "XML of " + xml.length + " bytes is larger than " + MAX_BYTES);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed to stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw PackageFormatException.damaged(file, "malformed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw PackageFormatException.damaged(file, "cannot parse XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** The child elements of {@code parent} with this local name (any namespace). */
    public static List<Element> children(Element parent, String localName) {
        return elements(parent).stream().filter(element -> localName.equals(element.getLocalName())).toList();
    }

    /** Every child element of {@code parent}, in document order. */
    public static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child element with this local name, or null. */
    public static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** An attribute's value, or "" when absent. */
    public static String attribute(Element element, String name) {
        return element == null ? "" : element.getAttribute(name).strip();
    }
}
