package org.fenestra.console.internal;

import java.util.Locale;

import org.fenestra.catalog.api.Architecture;

/**
 * Architecture names as the console prints them: x86, x64, arm64. (The WIM engine is to own one
 * processor-architecture type; until then this maps the catalog's enum and the WIM XML's numbers.)
 */
final class ArchitectureNames {

    private ArchitectureNames() {
    }

    /** The WINDOWS/ARCH numbers of a WIM's XML (PROCESSOR_ARCHITECTURE_* values). */
    static String of(long arch) {
        return switch ((int) arch) {
            case 0 -> "x86";
            case 5 -> "arm";
            case 6 -> "ia64";
            case 9 -> "x64";
            case 12 -> "arm64";
            default -> "arch " + arch;
        };
    }

    static String of(Architecture architecture) {
        return architecture.name().toLowerCase(Locale.ROOT);
    }
}
