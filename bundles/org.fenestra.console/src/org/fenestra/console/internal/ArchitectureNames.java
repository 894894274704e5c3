package org.fenestra.console.internal;

/** Names for the WINDOWS/ARCH numbers of a WIM's XML (PROCESSOR_ARCHITECTURE_* values). */
final class ArchitectureNames {

    private ArchitectureNames() {
    }

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
}
