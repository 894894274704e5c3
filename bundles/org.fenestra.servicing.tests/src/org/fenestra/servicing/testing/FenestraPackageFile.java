package org.fenestra.servicing.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Fenestra package ({@code .fpkg}, the format of org.fenestra.updates' README) for tests:
 * name the identity, then add operations; {@link #write} makes the ZIP.
 */
public final class FenestraPackageFile {

    private final String id;
    private final String identityName;
    private final String version;
    private final List<String> operations = new ArrayList<>();
    private final Map<String, byte[]> payload = new LinkedHashMap<>();
    private String supersedes;
    private String architecture = "neutral";

    public FenestraPackageFile(String id, String identityName, String version) {
        this.id = id;
        this.identityName = identityName;
        this.version = version;
    }

    public FenestraPackageFile add(String path, byte[] content) {
        String source = "payload/" + payload.size() + "/" + Path.of(path).getFileName();
        payload.put(source, content);
        operations.add("<add path=\"" + path + "\" source=\"" + source + "\"/>");
        return this;
    }

    public FenestraPackageFile replace(String path, byte[] content) {
        String source = "payload/" + payload.size() + "/" + Path.of(path).getFileName();
        payload.put(source, content);
        operations.add("<replace path=\"" + path + "\" source=\"" + source + "\"/>");
        return this;
    }

    public FenestraPackageFile delete(String path) {
        operations.add("<delete path=\"" + path + "\"/>");
        return this;
    }

    /** A {@code .reg} file (UTF-16LE with BOM, as regedit writes) imported into {@code hive}. */
    public FenestraPackageFile registry(String hive, String regText) {
        String source = "registry/" + payload.size() + ".reg";
        byte[] text = regText.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        payload.put(source, withBom);
        operations.add("<registry hive=\"" + hive + "\" source=\"" + source + "\"/>");
        return this;
    }

    /** The identity's architecture: {@code neutral} (the default), {@code x86}, {@code amd64}, {@code arm64}. */
    public FenestraPackageFile architecture(String name) {
        this.architecture = name;
        return this;
    }

    public FenestraPackageFile supersedes(String article) {
        this.supersedes = article;
        return this;
    }

    /** The package's ID, the article the updates catalog lists it by. */
    public String article() {
        return id;
    }

    /** The package identity's text ({@code name~~neutral~~version}), as servicers list it. */
    public String identity() {
        return new org.fenestra.updates.api.PackageIdentity(identityName, version, architecture, "neutral", "").text();
    }

    public String manifest() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="urn:fenestra:package:1" id="%s" title="%s %s" classification="Update" product="Windows 11">
                  <identity name="%s" version="%s" architecture="%s" language="neutral"/>
                  %s
                  <operations>
                    %s
                  </operations>
                </package>
                """.formatted(id, identityName, version, identityName, version, architecture,
                supersedes == null ? "" : "<supersedes article=\"" + supersedes + "\"/>", String.join("\n    ", operations));
    }

    public Path write(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("fenestra-package.xml"));
            zip.write(manifest().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> entry : payload.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }
}
