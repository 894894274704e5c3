package org.fenestra.wim.internal.write;

import org.fenestra.wim.model.WindowsFacts;

/**
 * The {@code <WINDOWS>} element of a captured Windows image, as wimlib's
 * {@code set_windows_specific_info} builds it: each property is set in turn and an element is
 * created where its first property is set, so the children come in the order wimlib reads them
 * (system root, kernel32.dll, SOFTWARE, SYSTEM); unknown texts and numbers are left out.
 */
final class WindowsXml {

    private WindowsXml() {
    }

    static void append(StringBuilder sb, WindowsFacts w) {
        sb.append("<WINDOWS>");
        XmlWriter.optional(sb, "SYSTEMROOT", w.systemRoot());
        number(sb, "ARCH", w.architecture());
        XmlWriter.optional(sb, "EDITIONID", w.editionId());
        XmlWriter.optional(sb, "INSTALLATIONTYPE", w.installationType());
        XmlWriter.optional(sb, "PRODUCTNAME", w.productName());
        if (w.versionMajor() >= 0 || !w.buildText().isEmpty() || w.spBuild() >= 0 || w.spLevel() >= 0) {
            sb.append("<VERSION>");
            number(sb, "MAJOR", w.versionMajor());
            number(sb, "MINOR", w.versionMinor());
            XmlWriter.optional(sb, "BUILD", w.buildText());
            number(sb, "SPBUILD", w.spBuild());
            number(sb, "SPLEVEL", w.spLevel());
            sb.append("</VERSION>");
        }
        XmlWriter.optional(sb, "PRODUCTTYPE", w.productType());
        XmlWriter.optional(sb, "PRODUCTSUITE", w.productSuite());
        XmlWriter.optional(sb, "HAL", w.hal());
        if (!w.languages().isEmpty() || !w.defaultLanguage().isEmpty()) {
            sb.append("<LANGUAGES>");
            for (String language : w.languages()) {
                XmlWriter.optional(sb, "LANGUAGE", language);
            }
            XmlWriter.optional(sb, "DEFAULT", w.defaultLanguage());
            sb.append("</LANGUAGES>");
        }
        sb.append("</WINDOWS>");
    }

    private static void number(StringBuilder sb, String tag, long value) {
        if (value >= 0) {
            XmlWriter.text(sb, tag, Long.toString(value));
        }
    }
}
