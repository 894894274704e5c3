package org.fenestra.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small, realistic Windows directory tree for tests that need one (image facts, applicability,
 * servicing): the SOFTWARE and SYSTEM hives written by this library with the keys and values
 * Windows keeps its identity in, and {@code Windows/servicing/Packages/*.mum} package manifests.
 * The hives are what a real image holds at those paths; the rest of the tree is left out.
 */
public final class SyntheticWindowsTree {
    /** What the tree says about itself. */
    public record Spec(String productName, String editionId, String installationType, int build, int ubr,
        String displayVersion, String architecture, List<String> languages, List<Package> packages) {
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
            edit.setValue(control + "\\Nls\\Language", RegistryValue.string("InstallLanguage", "0409"));
            edit.setValue(control + "\\Nls\\Language", RegistryValue.string("Default", "0409"));
            for (String language : spec.languages()) {
                edit.createKey(control + "\\MUI\\UILanguages\\" + language);
                edit.setValue(control + "\\MUI\\UILanguages\\" + language, RegistryValue.dword("Type", 0x92));
            }
            edit.createKey(control + "\\Session Manager\\Environment");
            edit.setValue(control + "\\Session Manager\\Environment", RegistryValue.expandString(
                "PROCESSOR_ARCHITECTURE", spec.architecture().equals("amd64") ? "AMD64" : spec.architecture().toUpperCase()));
            edit.commitTo(config.resolve("SYSTEM"));
        }
        Path servicing = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        for (Package p : spec.packages()) {
            Files.writeString(servicing.resolve(packageIdentity(p, spec) + ".mum"), manifest(p, spec),
                StandardCharsets.UTF_8);
        }
        return software;
    }

    static String packageIdentity(Package p, Spec spec) {
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
