package org.fenestra.wim.model;

import java.util.List;
import java.util.Objects;

/**
 * What a Windows tree says about itself, read from its {@code SOFTWARE} and {@code SYSTEM} hives
 * and {@code kernel32.dll} the way wimlib does for the WIM's {@code <WINDOWS>} element (the
 * system root is the top-level directory holding most of {@code System32/kernel32.dll},
 * {@code System32/config/SOFTWARE} and {@code System32/config/SYSTEM}, names compared ignoring
 * case), plus the update build revision and display version.
 * <p>
 * Read by {@link org.fenestra.wim.windows.WindowsTrees}. Unknown texts are empty, unknown numbers -1. A tree without a system root is {@link #NOT_WINDOWS};
 * a file that cannot be read (a corrupt hive, a damaged blob, one larger than
 * {@link #MAX_FILE_BYTES}) leaves its facts unknown and adds a line to {@link #warnings()}.
 *
 * @param systemRoot        the system root's name, upper-cased (wimlib's {@code SYSTEMROOT}), e.g. {@code WINDOWS}
 * @param architecture      {@code PROCESSOR_ARCHITECTURE_*} from kernel32.dll's PE header (0 x86, 5 ARM,
 *                          6 IA64, 9 x64, 12 ARM64)
 * @param productName       {@code ProductName}
 * @param editionId         {@code EditionID}, e.g. {@code Enterprise}
 * @param installationType  {@code InstallationType}: {@code Client}, {@code Server}, {@code Server Core}, ...
 * @param versionMajor      {@code CurrentMajorVersionNumber}, else from {@code CurrentVersion}
 * @param versionMinor      {@code CurrentMinorVersionNumber}, else from {@code CurrentVersion}
 * @param buildText         wimlib's {@code VERSION/BUILD}: {@code CurrentBuild}, or {@code CurrentBuildNumber}
 *                          where {@code CurrentBuild} is dotted (Windows XP)
 * @param build             {@code CurrentBuildNumber} as a number
 * @param ubr               {@code UBR}, the update build revision
 * @param displayVersion    {@code DisplayVersion}, e.g. {@code 24H2}
 * @param spBuild           {@code CSDBuildNumber}
 * @param spLevel           {@code CSDVersion >> 8}
 * @param productType       {@code ProductType}: {@code WinNT}, {@code ServerNT}, {@code LanmanNT}
 * @param productSuite      the first string of {@code ProductSuite}
 * @param hal               the HAL's {@code MatchingDeviceId}
 * @param languages         the subkeys of {@code MUI\UILanguages}, in the hive's order
 * @param defaultLanguage   {@code InstallLanguage}'s name, e.g. {@code en-US}
 * @param warnings          what could not be read, one sentence each
 * @since 0.1
 */
public record WindowsFacts(String systemRoot, long architecture, String productName, String editionId,
        String installationType, long versionMajor, long versionMinor, String buildText, long build, long ubr,
        String displayVersion, long spBuild, long spLevel, String productType, String productSuite, String hal,
        List<String> languages, String defaultLanguage, List<String> warnings) {

    /** No hive or kernel32.dll is read into memory beyond this (real SOFTWARE hives are ~100 MB). */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    /** A tree without a Windows system root. */
    public static final WindowsFacts NOT_WINDOWS = new WindowsFacts("", -1, "", "", "", -1, -1, "", -1, -1, "", -1,
            -1, "", "", "", List.of(), "", List.of());

    public WindowsFacts {
        Objects.requireNonNull(systemRoot, "systemRoot");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(editionId, "editionId");
        Objects.requireNonNull(installationType, "installationType");
        Objects.requireNonNull(buildText, "buildText");
        Objects.requireNonNull(displayVersion, "displayVersion");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(productSuite, "productSuite");
        Objects.requireNonNull(hal, "hal");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        languages = List.copyOf(languages);
        warnings = List.copyOf(warnings);
    }

    /** Whether the tree has a Windows system root at all. */
    public boolean isWindows() {
        return !systemRoot.isEmpty();
    }
}
