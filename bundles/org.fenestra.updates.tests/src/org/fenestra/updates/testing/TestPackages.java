package org.fenestra.updates.testing;

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
 * Format-true update packages made by the tests: CBS cabinets with an {@code update.mum} (made
 * with gcab), MSU-shaped cabinets holding them, Fenestra packages, and WIMs whose tree holds
 * {@code Windows/servicing/Packages/*.mum} (captured with wimlib-imagex, the version and
 * architecture set in their XML by wimlib-imagex too). Exported (x-internal) for the tests of the
 * bundles built on updates (the workbench parts, servicing), so they make the same packages.
 */
public final class TestPackages {

    public static final String TOKEN = "31bf3856ad364e35";

    private final Path work;
    private int counter;

    public TestPackages(Path work) {
        this.work = work;
    }

    /** One {@code parent} build rule of a manifest. */
    public record Parent(String version, String buildCompare, String revisionCompare) {
    }

    /** An {@code update.mum} as servicing writes it. */
    public static String mum(String identityName, String version, String arch, String article, String releaseType,
            List<Parent> parents, boolean psfx) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8" standalone="yes"?>
                <assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0" description="Fix for %s"
                          displayName="default" company="Microsoft Corporation" creationTimeStamp="2026-10-06T19:35:11Z">
                  <assemblyIdentity name="%s" version="%s" processorArchitecture="%s" language="neutral" publicKeyToken="%s"/>
                  <package identifier="%s" releaseType="%s" restart="possible">
                """.formatted(article, identityName, version, arch, TOKEN, article, releaseType));
        for (Parent parent : parents) {
            xml.append("""
                        <parent buildCompare="%s" revisionCompare="%s" integrate="separate" disposition="detect">
                          <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="%s" processorArchitecture="%s" language="neutral" publicKeyToken="%s"/>
                        </parent>
                    """.formatted(parent.buildCompare(), parent.revisionCompare(), parent.version(), arch, TOKEN));
        }
        if (psfx) {
            xml.append("    <customInformation PackageFormat=\"PSFX\"/>\n");
        }
        xml.append("""
                    <update name="%s"><package integrate="hidden"><assemblyIdentity name="%s-Update" version="%s"
                      processorArchitecture="%s" language="neutral" publicKeyToken="%s"/></package></update>
                  </package>
                </assembly>
                """.formatted(article, identityName, version, arch, TOKEN));
        return xml.toString();
    }

    /** A CBS cabinet: {@code update.mum}, a component manifest and a payload file, MSZIP or stored. */
    public Path cbs(Path target, String mumXml, boolean mszip) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(work.resolve("cbs-" + ++counter));
        Files.writeString(folder.resolve("update.mum"), mumXml, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("amd64_component_31bf3856ad364e35.manifest"), "<assembly/>\n".repeat(50));
        Files.write(folder.resolve("payload.dll"), bytes(20_000 + counter));
        Files.createDirectories(target.getParent());
        return Tools.gcab(folder, target, mszip, List.of("update.mum", "amd64_component_31bf3856ad364e35.manifest", "payload.dll"));
    }

    /**
     * An MSU: the payload cabinets (in the unattend file's order), WSUSSCAN.cab, the UTF-16LE
     * properties file and the unattend xml.
     */
    public Path msu(Path target, String article, String arch, Map<String, Path> payloadsInOrder) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(work.resolve("msu-" + ++counter));
        List<String> names = new ArrayList<>();
        StringBuilder unattend = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <servicing>
                """);
        for (Map.Entry<String, Path> payload : payloadsInOrder.entrySet()) {
            Files.copy(payload.getValue(), folder.resolve(payload.getKey()));
            names.add(payload.getKey());
            if (!payload.getKey().endsWith(".cab")) {
                continue; // a WIM + PSF payload is not named by the unattend file
            }
            unattend.append("    <package action=\"install\"><source location=\"%configsetroot%\\")
                    .append(payload.getKey()).append("\" /></package>\n");
        }
        unattend.append("  </servicing>\n</unattend>\n");
        String base = "Windows11.0-" + article + "-" + ("amd64".equals(arch) ? "x64" : arch);
        Files.writeString(folder.resolve(base + ".xml"), unattend);
        names.add(base + ".xml");
        Files.writeString(folder.resolve(base + "-pkgProperties.txt"), properties(article, arch), StandardCharsets.UTF_16LE);
        byte[] text = Files.readAllBytes(folder.resolve(base + "-pkgProperties.txt"));
        try (OutputStream out = Files.newOutputStream(folder.resolve(base + "-pkgProperties.txt"))) {
            out.write(new byte[] { (byte) 0xFF, (byte) 0xFE }); // the byte order mark real MSUs carry
            out.write(text);
        }
        names.add(base + "-pkgProperties.txt");
        Path scan = Files.createDirectories(work.resolve("scan-" + counter));
        Files.writeString(scan.resolve("package.xml"), "<OfflineSyncPackage/>");
        Tools.gcab(scan, folder.resolve("WSUSSCAN.cab"), true, List.of("package.xml"));
        names.add("WSUSSCAN.cab");
        Files.createDirectories(target.getParent());
        return Tools.gcab(folder, target, true, names);
    }

    private static String properties(String article, String arch) {
        return String.join("\r\n", "ApplicabilityInfo=\"Windows 10.0 Client SKU\"", "Applies to=\"Windows 11\"",
                "Build Date=\"2026/10/06\"", "Company=\"Microsoft Corporation\"",
                "Installer Engine=\"Component Based Servicing\"", "KB Article Number=\"" + article.substring(2) + "\"",
                "Language=\"ALL\"", "Package Type=\"Security Update\"", "Processor Architecture=\"" + arch + "\"",
                "Product Name=\"Windows 11\"", "Support Link=\"https://support.microsoft.com/help/" + article.substring(2) + "\"")
                + "\r\n";
    }

    /** A Fenestra package: the manifest and the payload files it names. */
    public static Path fpkg(Path target, String manifestXml, Map<String, byte[]> payload) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("fenestra-package.xml", manifestXml.getBytes(StandardCharsets.UTF_8));
        entries.putAll(payload);
        Files.createDirectories(target.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    public static String fpkgManifest(String id, String arch, String supersedes, String build) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="urn:fenestra:package:1" id="%s" title="Contoso agent %s" classification="Update"
                         product="Windows 11" releaseDate="2026-11-10">
                  <identity name="Contoso-Agent" version="2.%s.0.0" architecture="%s" language="neutral"/>
                  <applicability><build version="%s" buildCompare="EQ" revisionCompare="GE"/></applicability>
                  %s
                  <operations>
                    <add path="Program Files/Contoso/agent.exe" source="payload/agent.exe"/>
                    <replace path="Windows/System32/drivers/etc/hosts" source="payload/hosts"/>
                    <delete path="Windows/Temp/old.log"/>
                    <registry hive="SOFTWARE" source="registry/contoso.reg"/>
                  </operations>
                </package>
                """.formatted(id, id, id.replaceAll("\\D", ""), arch, build,
                supersedes == null ? "" : "<supersedes article=\"" + supersedes + "\"/>");
    }

    public static Map<String, byte[]> fpkgPayload() {
        return Map.of("payload/agent.exe", bytes(3000), "payload/hosts", "127.0.0.1 localhost\n".getBytes(StandardCharsets.US_ASCII),
                "registry/contoso.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n\"Agent\"=\"2\"\r\n"
                        .getBytes(StandardCharsets.UTF_16LE));
    }

    /** The payload WIM of a newer cumulative update: its image 1 holds {@code update.mum} and a component manifest. */
    public Path payloadWim(Path target, String mumXml) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(work.resolve("payload-" + ++counter));
        Files.writeString(tree.resolve("update.mum"), mumXml);
        Files.writeString(tree.resolve("amd64_component_31bf3856ad364e35.manifest"), "<assembly/>\n".repeat(20));
        Files.createDirectories(target.getParent());
        Tools.run(null, "wimlib-imagex", "capture", tree.toString(), target.toString(), "payload");
        return target;
    }

    /**
     * A WIM of one image whose tree holds the given servicing package manifests, its XML saying the
     * architecture ({@code 0} x86, {@code 9} x64, {@code 12} arm64) and version.
     */
    public Path wim(Path target, int arch, String build, int revision, Map<String, String> mums) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(work.resolve("tree-" + ++counter));
        Path packages = Files.createDirectories(tree.resolve("Windows/servicing/Packages"));
        for (Map.Entry<String, String> mum : mums.entrySet()) {
            Files.writeString(packages.resolve(mum.getKey()), mum.getValue());
            Files.writeString(packages.resolve(mum.getKey().replace(".mum", ".cat")), "catalog");
        }
        Files.createDirectories(tree.resolve("Windows/System32"));
        Files.writeString(tree.resolve("Windows/System32/kernel32.dll"), "not really");
        Files.createDirectories(target.getParent());
        Tools.run(null, "wimlib-imagex", "capture", tree.toString(), target.toString(), "Windows 11 Enterprise");
        String[] version = build.split("\\.");
        Tools.run(null, "wimlib-imagex", "info", target.toString(), "1", "--image-property", "WINDOWS/ARCH=" + arch,
                "--image-property", "WINDOWS/VERSION/MAJOR=" + version[0], "--image-property", "WINDOWS/VERSION/MINOR=" + version[1],
                "--image-property", "WINDOWS/VERSION/BUILD=" + version[2], "--image-property", "WINDOWS/VERSION/SPBUILD=" + revision);
        return target;
    }

    public static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + size);
        }
        return data;
    }
}
