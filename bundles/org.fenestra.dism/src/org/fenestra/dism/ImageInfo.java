package org.fenestra.dism;

import java.util.List;

/**
 * One image of a WIM, as {@code DismGetImageInfo} describes it; text fields are {@code null}
 * where DISM gives none.
 *
 * @param architecture DISM's processor architecture code (0 x86, 5 ARM, 9 x64, 12 ARM64)
 * @param version the image's Windows version (major, minor, build, service pack build)
 * @param bootable {@code null} when DISM does not know
 * @param defaultLanguage {@code null} when the image names none
 * @since 0.1
 */
public record ImageInfo(int index, String name, String description, long size, int architecture,
        String productName, String editionId, String installationType, String hal, String productType,
        String productSuite, WindowsVersion version, int servicePackLevel, Boolean bootable, String systemRoot,
        List<String> languages, String defaultLanguage) {

    public ImageInfo {
        languages = List.copyOf(languages);
    }
}
