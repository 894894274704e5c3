package org.fenestra.updates.api;

import java.util.Locale;
import java.util.Optional;

import org.fenestra.catalog.api.Architecture;

/**
 * The processor architecture an update package is built for, as servicing names it
 * ({@code processorArchitecture} of a package identity: {@code x86}, {@code amd64}, {@code arm64},
 * {@code neutral}).
 *
 * @since 0.1
 */
public enum UpdateArchitecture {
    X86("x86"),
    X64("amd64"),
    ARM64("arm64"),
    /** Applies to every architecture (language packs of data, some Fenestra packages). */
    NEUTRAL("neutral");

    private final String identityName;

    UpdateArchitecture(String identityName) {
        this.identityName = identityName;
    }

    /** The name a package identity uses: {@code x86}, {@code amd64}, {@code arm64}, {@code neutral}. */
    public String identityName() {
        return identityName;
    }

    /** Whether a package for this architecture can be applied to an image of {@code image}'s. */
    public boolean appliesTo(Architecture image) {
        return this == NEUTRAL || this == of(image);
    }

    /** The update architecture of an image architecture. */
    public static UpdateArchitecture of(Architecture image) {
        return switch (image) {
            case X86 -> X86;
            case X64 -> X64;
            case ARM64 -> ARM64;
        };
    }

    /**
     * Reads an architecture as packages and admins write it: {@code x86}, {@code amd64}/{@code x64},
     * {@code arm64}, {@code neutral}/{@code *}, ignoring case; {@code wow64} counts as x64.
     */
    public static Optional<UpdateArchitecture> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "x86", "i386" -> Optional.of(X86);
            case "amd64", "x64", "wow64", "x86_64" -> Optional.of(X64);
            case "arm64", "aarch64" -> Optional.of(ARM64);
            case "neutral", "*", "" -> Optional.of(NEUTRAL);
            default -> Optional.empty();
        };
    }
}
