package org.fenestra.registry.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.RegistryValue;

/**
 * A small, realistic Windows directory tree for tests that need one (image facts, capture's
 * {@code <WINDOWS>} XML, applicability, servicing): the SOFTWARE and SYSTEM hives written by this
 * library with the keys and values Windows keeps its identity in (checked by hivex in
 * {@code SyntheticWindowsTreeTest}), a minimal PE {@code System32/kernel32.dll} naming the
 * architecture, and {@code Windows/servicing/Packages/*.mum} package manifests. The files are
 * what a real image holds at those paths; the rest of the tree is left out.
 * <p>
 * Other test bundles use it by importing {@code org.fenestra.registry.testing} and requiring
 * {@code org.fenestra.registry.tests} in their pom's extra requirements.
 */
public final class SyntheticWindowsTree {
    /**
     * What the tree says about itself.
     *
     * @param architecture the servicing name: {@code amd64}, {@code x86} or {@code arm64}
     * @param languages    the installed UI languages; the first is the install (default) language
     */
    public record Spec(String productName, String editionId, String installationType, int build, int ubr,
        String displayVersion, String architecture, List<String> languages, List<Package> packages) {

        /** The same tree at another update build revision (after a cumulative update). */
        public Spec withUbr(int newUbr) {
            return new Spec(productName, editionId, installationType, build, newUbr, displayVersion, architecture,
                languages, packages);
        }
    }

    /** An installed servicing package: {@code Package_for_KB…~31bf3856ad364e35~amd64~~build.ubr.1.10.mum}. */
    public record Package(String name, String kb, String releaseType) {
    }

    private SyntheticWindowsTree() {
    }

    public static Spec windows11Enterprise() {
        return new Spec("Windows 10 Enterprise", "Enterprise", "Client", 26100, 4317, "24H2", "amd64",
            List.of("en-US", "de-DE"), List.of(new Package("Package_for_RollupFix", "KB5060842", "Update"),
                new Package("Package_for_ServicingStack_4270", "KB5060843", "Update"),
                new Package("Microsoft-Windows-Client-LanguagePack-Package", "", "LanguagePack")));
    }

    /** Writes the tree under {@code root} (which must exist); returns the SOFTWARE hive's path. */
    public static Path write(Path root, Spec spec) throws IOException {
        Path config = Files.createDirectories(root.resolve("Windows/System32/config"));
        Path software = config.resolve("SOFTWARE");
        Hive hive = Hive.create("CMI-CreateHive{199DAFC2-6F16-4946-BF90-5A3FC3A60902}");
        try (HiveEdit edit = hive.edit()) {
            String cv = "Microsoft\\Windows NT\\CurrentVersion";
            edit.createKey(cv);
            edit.setValue(cv, RegistryValue.string("ProductName", spec.productName()));
            edit.setValue(cv, RegistryValue.string("EditionID", spec.editionId()));
            edit.setValue(cv, RegistryValue.string("InstallationType", spec.installationType()));
            edit.setValue(cv, RegistryValue.string("CurrentBuild", Integer.toString(spec.build())));
            edit.setValue(cv, RegistryValue.string("CurrentBuildNumber", Integer.toString(spec.build())));
            edit.setValue(cv, RegistryValue.dword("UBR", spec.ubr()));
            edit.setValue(cv, RegistryValue.string("DisplayVersion", spec.displayVersion()));
            edit.setValue(cv, RegistryValue.string("CurrentVersion", "6.3"));
            edit.setValue(cv, RegistryValue.dword("CurrentMajorVersionNumber", 10));
            edit.setValue(cv, RegistryValue.dword("CurrentMinorVersionNumber", 0));
            edit.setValue(cv, RegistryValue.string("BuildLabEx",
                spec.build() + "." + spec.ubr() + "." + spec.architecture() + "fre.ge_release.240331-1435"));
            edit.setValue(cv, RegistryValue.string("SystemRoot", "C:\\Windows"));
            String packages = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
            edit.createKey(packages);
            for (Package p : spec.packages()) {
                String key = packages + "\\" + packageIdentity(p, spec);
                edit.createKey(key);
                edit.setValue(key, RegistryValue.dword("CurrentState", 0x70));
                edit.setValue(key, RegistryValue.string("InstallName", packageIdentity(p, spec) + ".mum"));
            }
            edit.commitTo(software);
        }
        Hive system = Hive.create("CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}");
        try (HiveEdit edit = system.edit()) {
            edit.createKey("Select");
            edit.setValue("Select", RegistryValue.dword("Current", 1));
            edit.setValue("Select", RegistryValue.dword("Default", 1));
            String control = "ControlSet001\\Control";
            edit.createKey(control + "\\ProductOptions");
            edit.setValue(control + "\\ProductOptions", RegistryValue.string("ProductType", "WinNT"));
            edit.setValue(control + "\\ProductOptions", RegistryValue.multiString("ProductSuite", List.of("Terminal Server")));
            edit.createKey(control + "\\Nls\\Language");
            String installLanguage = languageId(spec.languages().get(0));
            edit.setValue(control + "\\Nls\\Language", RegistryValue.string("InstallLanguage", installLanguage));
            edit.setValue(control + "\\Nls\\Language", RegistryValue.string("Default", installLanguage));
            edit.createKey(control + "\\Windows");
            edit.setValue(control + "\\Windows", RegistryValue.dword("CSDVersion", 0));
            edit.setValue(control + "\\Windows", RegistryValue.dword("CSDBuildNumber", spec.ubr()));
            String hal = control + "\\Class\\{4D36E966-E325-11CE-BFC1-08002BE10318}\\0000";
            edit.createKey(hal);
            edit.setValue(hal, RegistryValue.string("MatchingDeviceId", "acpiapic"));
            for (String language : spec.languages()) {
                edit.createKey(control + "\\MUI\\UILanguages\\" + language);
                edit.setValue(control + "\\MUI\\UILanguages\\" + language, RegistryValue.dword("Type", 0x92));
            }
            edit.createKey(control + "\\Session Manager\\Environment");
            edit.setValue(control + "\\Session Manager\\Environment", RegistryValue.expandString(
                "PROCESSOR_ARCHITECTURE", spec.architecture().equals("amd64") ? "AMD64" : spec.architecture().toUpperCase()));
            edit.commitTo(config.resolve("SYSTEM"));
        }
        Files.write(root.resolve("Windows/System32/kernel32.dll"), kernel32(spec.architecture()));
        Path servicing = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        for (Package p : spec.packages()) {
            Files.writeString(servicing.resolve(packageIdentity(p, spec) + ".mum"), manifest(p, spec),
                StandardCharsets.UTF_8);
        }
        return software;
    }

    /**
     * A minimal PE DLL: the DOS header pointing (e_lfanew at 0x3C) to the "PE\\0\\0" signature and
     * a COFF header whose Machine names the architecture, which is all Windows tools read of it.
     */
    public static byte[] kernel32(String architecture) {
        int machine = switch (architecture) {
            case "amd64" -> 0x8664;
            case "x86" -> 0x014C;
            case "arm64" -> 0xAA64;
            default -> throw new IllegalArgumentException("no PE machine for " + architecture);
        };
        ByteBuffer pe = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        pe.put(0, (byte) 'M').put(1, (byte) 'Z');
        pe.putInt(0x3C, 0x80);
        pe.putInt(0x80, 0x00004550); // "PE\0\0"
        pe.putShort(0x84, (short) machine);
        pe.putShort(0x86, (short) 0); // sections
        pe.putInt(0x88, 0x5F3A1C00); // time stamp
        pe.putShort(0x94, (short) 0); // size of optional header
        pe.putShort(0x96, (short) 0x2022); // executable, large-address aware, DLL
        return pe.array();
    }

    /** The LCID Windows writes for a language ({@code InstallLanguage}, hex). */
    private static String languageId(String language) {
        return switch (language) {
            case "en-US" -> "0409";
            case "de-DE" -> "0407";
            case "fr-FR" -> "040C";
            case "en-GB" -> "0809";
            default -> throw new IllegalArgumentException("add the LCID of " + language);
        };
    }

    public static String packageIdentity(Package p, Spec spec) {
        return p.name() + "~31bf3856ad364e35~" + spec.architecture() + "~~" + version(spec);
    }

    private static String version(Spec spec) {
        return spec.build() + "." + spec.ubr() + ".1.10";
    }

    private static String manifest(Package p, Spec spec) {
        return """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0" copyright="Copyright (c) Microsoft Corporation. All Rights Reserved.">
              <assemblyIdentity name="%s" version="%s" processorArchitecture="%s" language="neutral" buildType="release" publicKeyToken="31bf3856ad364e35" />
              <package identifier="%s" releaseType="%s" restart="possible">
                <parent buildCompare="EQ" integrate="separate" disposition="detect">
                  <assemblyIdentity name="Microsoft-Windows-Client-Features-Package" version="%s" processorArchitecture="%s" language="neutral" buildType="release" publicKeyToken="31bf3856ad364e35" />
                </parent>
              </package>
            </assembly>
            """.formatted(p.name(), version(spec), spec.architecture(), p.kb().isEmpty() ? p.name() : p.kb(),
            p.releaseType(), spec.build() + ".1.1.1", spec.architecture());
    }
}
