package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The license terms of an image, read by the importer (as the Add wizard's link does) from WIMs
 * that wimlib-imagex captured with Windows' license file layouts.
 */
class LicenseTermsTest {

    private static final String RTF = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Segoe UI;}}"
            + "{\\colortbl ;\\red0\\green0\\blue255;}{\\*\\generator Riched20 10.0;}"
            + "\\viewkind4\\uc1\\pard\\b\\f0\\fs20 MICROSOFT SOFTWARE LICENSE TERMS\\b0\\par\n"
            + "\\par WINDOWS OPERATING SYSTEM\\par\n"
            + "\\tab If you live in the United States, the binding arbitration clause\\~applies.\\par\n"
            + "Caf\\'e9 \\u8220?quoted\\u8221? \\{braces\\}\\par}";

    private static final String TEXT = "MICROSOFT SOFTWARE LICENSE TERMS\n\nWINDOWS OPERATING SYSTEM\n"
            + "\tIf you live in the United States, the binding arbitration clause\u00a0applies.\n"
            + "Caf\u00e9 \u201cquoted\u201d {braces}";

    @TempDir
    Path work;

    @Test
    void windows8AndLaterKeepTheTermsPerEditionUnderLicenses() throws Exception {
        Path tree = work.resolve("tree");
        Path edition = tree.resolve("Windows/System32/Licenses/neutral/_Default/Professional");
        Files.createDirectories(edition);
        Files.writeString(edition.resolve("license.rtf"), RTF, StandardCharsets.ISO_8859_1);
        Files.writeString(tree.resolve("Windows/System32/notepad.exe"), "MZ");
        Path wim = work.resolve("install.wim");
        Wimlib.run("capture", tree.toString(), wim.toString(), "Windows 11 Pro");

        assertEquals(Optional.of(TEXT), importer().licenseTerms(wim.toString(), 1));
    }

    @Test
    void olderWindowsKeepItInSystem32AndOtherWimsHaveNone() throws Exception {
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("WINDOWS/system32"));
        Files.writeString(tree.resolve("WINDOWS/system32/LICENSE.RTF"), RTF, StandardCharsets.ISO_8859_1);
        Path plain = work.resolve("plain");
        Files.createDirectories(plain.resolve("data"));
        Files.writeString(plain.resolve("data/readme.txt"), "no license here");
        Path wim = work.resolve("two.wim");
        Wimlib.run("capture", tree.toString(), wim.toString(), "Windows 7");
        Wimlib.run("append", plain.toString(), wim.toString(), "Data");

        assertEquals(Optional.of(TEXT), importer().licenseTerms(wim.toString(), 1));
        assertEquals(Optional.empty(), importer().licenseTerms(wim.toString(), 2));
        ImportException outOfRange = assertThrows(ImportException.class, () -> importer().licenseTerms(wim.toString(), 3));
        assertEquals(Reason.INDEX_OUT_OF_RANGE, outOfRange.reason());
        ImportException missing = assertThrows(ImportException.class,
                () -> importer().licenseTerms(work.resolve("absent.wim").toString(), 1));
        assertEquals(Reason.SOURCE_NOT_FOUND, missing.reason());
    }

    private static ImageImporter importer() throws Exception {
        return Services.get(ImageImporter.class);
    }
}
