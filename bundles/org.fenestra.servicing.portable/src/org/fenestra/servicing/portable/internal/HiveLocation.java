package org.fenestra.servicing.portable.internal;

import java.util.Locale;

/**
 * Where a hive a Fenestra package names lives in an image, and the key its {@code .reg} files
 * write it as (the path regedit shows the hive at on a running Windows).
 */
enum HiveLocation {
    SYSTEM("Windows/System32/config/SYSTEM", "HKEY_LOCAL_MACHINE\\SYSTEM"),
    SOFTWARE("Windows/System32/config/SOFTWARE", "HKEY_LOCAL_MACHINE\\SOFTWARE"),
    SAM("Windows/System32/config/SAM", "HKEY_LOCAL_MACHINE\\SAM"),
    SECURITY("Windows/System32/config/SECURITY", "HKEY_LOCAL_MACHINE\\SECURITY"),
    COMPONENTS("Windows/System32/config/COMPONENTS", "HKEY_LOCAL_MACHINE\\COMPONENTS"),
    DRIVERS("Windows/System32/config/DRIVERS", "HKEY_LOCAL_MACHINE\\DRIVERS"),
    DEFAULT("Windows/System32/config/DEFAULT", "HKEY_USERS\\.DEFAULT"),
    NTUSER("Users/Default/NTUSER.DAT", "HKEY_CURRENT_USER");

    final String imagePath;
    final String regPrefix;

    HiveLocation(String imagePath, String regPrefix) {
        this.imagePath = imagePath;
        this.regPrefix = regPrefix;
    }

    static HiveLocation of(String hive) {
        return valueOf(hive.toUpperCase(Locale.ROOT)); // the package reader admits only these names
    }
}
