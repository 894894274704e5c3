package org.fenestra.wim;

import java.util.Optional;

import org.fenestra.wim.internal.format.XmlDocument;
import org.w3c.dom.Element;

/**
 * Properties of one image, from the IMAGE element of the WIM's XML document. Missing text
 * properties are null; missing numbers are 0 (as wimlib reports them).
 *
 * @since 0.1
 */
public final class WimImageInfo {
    private final int index;
    private final Element image;

    WimImageInfo(int index, Element image) {
        this.index = index;
        this.image = image;
    }

    /** The IMAGE element itself, for copying it into another WIM. */
    Element element() {
        return image;
    }

    public int index() {
        return index;
    }

    /** Text of an element below IMAGE by slash path (e.g. {@code WINDOWS/EDITIONID}), or null. */
    public String text(String path) {
        return XmlDocument.text(image, path);
    }

    /** Decimal number below IMAGE by slash path, 0 when absent or malformed. */
    public long number(String path) {
        return XmlDocument.number(image, path);
    }

    /** FILETIME (HIGHPART/LOWPART) below IMAGE by slash path, 0 when absent. */
    public long timestamp(String path) {
        return XmlDocument.timestamp(image, path);
    }

    public boolean has(String path) {
        return XmlDocument.element(image, path) != null;
    }

    public String name() {
        return text("NAME");
    }

    public String description() {
        return text("DESCRIPTION");
    }

    public String displayName() {
        return text("DISPLAYNAME");
    }

    public String displayDescription() {
        return text("DISPLAYDESCRIPTION");
    }

    public String flags() {
        return text("FLAGS");
    }

    public long dirCount() {
        return number("DIRCOUNT");
    }

    public long fileCount() {
        return number("FILECOUNT");
    }

    public long totalBytes() {
        return number("TOTALBYTES");
    }

    public long hardLinkBytes() {
        return number("HARDLINKBYTES");
    }

    /** Creation time as a FILETIME. */
    public long creationTime() {
        return timestamp("CREATIONTIME");
    }

    public long lastModificationTime() {
        return timestamp("LASTMODIFICATIONTIME");
    }

    public boolean wimBoot() {
        return number("WIMBOOT") != 0;
    }

    public boolean hasWindowsInfo() {
        return has("WINDOWS");
    }

    /** The raw WINDOWS/ARCH number (a {@code PROCESSOR_ARCHITECTURE_*} value); 0 when absent. */
    public long architecture() {
        return number("WINDOWS/ARCH");
    }

    /**
     * The image's processor architecture: empty without a WINDOWS element or for a number
     * Fenestra does not know. A WINDOWS element without ARCH reads as 0 (x86), as wimlib reads it.
     */
    public Optional<ProcessorArchitecture> processorArchitecture() {
        return hasWindowsInfo() ? ProcessorArchitecture.fromCode(architecture()) : Optional.empty();
    }

    public String productName() {
        return text("WINDOWS/PRODUCTNAME");
    }

    public String editionId() {
        return text("WINDOWS/EDITIONID");
    }

    public String installationType() {
        return text("WINDOWS/INSTALLATIONTYPE");
    }

    public String systemRoot() {
        return text("WINDOWS/SYSTEMROOT");
    }

    /** Texts of the LANGUAGES/LANGUAGE elements, in document order. */
    public java.util.List<String> languages() {
        java.util.List<String> out = new java.util.ArrayList<>();
        Element langs = XmlDocument.element(image, "WINDOWS/LANGUAGES");
        if (langs != null) {
            for (org.w3c.dom.Node n = langs.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "LANGUAGE".equals(e.getTagName())) {
                    String t = XmlDocument.text(e, ".");
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    public String defaultLanguage() {
        return text("WINDOWS/LANGUAGES/DEFAULT");
    }

    public long versionMajor() {
        return number("WINDOWS/VERSION/MAJOR");
    }

    public long versionMinor() {
        return number("WINDOWS/VERSION/MINOR");
    }

    public long versionBuild() {
        return number("WINDOWS/VERSION/BUILD");
    }

    public long versionSpBuild() {
        return number("WINDOWS/VERSION/SPBUILD");
    }

    public long versionSpLevel() {
        return number("WINDOWS/VERSION/SPLEVEL");
    }
}
