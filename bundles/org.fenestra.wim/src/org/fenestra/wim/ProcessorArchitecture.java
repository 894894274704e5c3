package org.fenestra.wim;

import java.util.Locale;
import java.util.Optional;

/**
 * The processor architecture of a Windows image: the {@code <WINDOWS><ARCH>} number of its
 * WIM XML, which is a Windows {@code PROCESSOR_ARCHITECTURE_*} value (winnt.h; wimlib's
 * xml.c reads the same numbers). Every part of Fenestra shows an architecture by its
 * {@link #displayName()}.
 *
 * @since 0.1
 */
public enum ProcessorArchitecture {
    /** {@code PROCESSOR_ARCHITECTURE_INTEL} (0): 32-bit x86. */
    X86(0, "x86"),
    /** {@code PROCESSOR_ARCHITECTURE_MIPS} (1). */
    MIPS(1, "mips"),
    /** {@code PROCESSOR_ARCHITECTURE_ARM} (5): 32-bit ARM. */
    ARM(5, "arm"),
    /** {@code PROCESSOR_ARCHITECTURE_IA64} (6): Itanium. */
    IA64(6, "ia64"),
    /** {@code PROCESSOR_ARCHITECTURE_AMD64} (9): x86-64. */
    X64(9, "x64"),
    /** {@code PROCESSOR_ARCHITECTURE_ARM64} (12). */
    ARM64(12, "arm64");

    private final int code;
    private final String displayName;

    ProcessorArchitecture(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The {@code PROCESSOR_ARCHITECTURE_*} number, as the WIM XML stores it. */
    public int code() {
        return code;
    }

    /** The name Fenestra shows and accepts: {@code x86}, {@code x64}, {@code arm64}, ... */
    public String displayName() {
        return displayName;
    }

    /** The architecture with this {@code PROCESSOR_ARCHITECTURE_*} number, if Fenestra knows it. */
    public static Optional<ProcessorArchitecture> fromCode(long code) {
        for (ProcessorArchitecture a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The architecture a person named: its display name or enum name in any case, or the
     * usual aliases {@code amd64}/{@code x86_64} (x64) and {@code aarch64} (arm64).
     */
    public static Optional<ProcessorArchitecture> fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ProcessorArchitecture a : values()) {
            if (a.displayName.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(a);
            }
        }
        return switch (n) {
            case "amd64", "x86_64" -> Optional.of(X64);
            case "aarch64" -> Optional.of(ARM64);
            default -> Optional.empty();
        };
    }
}
