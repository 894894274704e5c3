package org.fenestra.updates.api;

import java.util.Objects;

/**
 * A package's identity as component servicing writes it ({@code assemblyIdentity} of
 * {@code update.mum}), e.g. {@code Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.2428.1.4}.
 * Fenestra packages have one too (their manifest's {@code identity}).
 *
 * @param name           e.g. {@code Package_for_KB5031356}
 * @param version        four dotted numbers, e.g. {@code 10.0.1.4}
 * @param architecture   as written ({@code amd64}, {@code x86}, {@code arm64}, {@code neutral}, ...)
 * @param language       {@code neutral} or a culture name; empty when not written
 * @param publicKeyToken empty when not written
 * @since 0.1
 */
public record PackageIdentity(String name, String version, String architecture, String language, String publicKeyToken) {

    public PackageIdentity {
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        architecture = architecture == null ? "" : architecture;
        language = language == null || language.equals("neutral") ? "" : language;
        publicKeyToken = publicKeyToken == null ? "" : publicKeyToken;
    }

    /**
     * The identity as DISM lists it: {@code name~publicKeyToken~architecture~language~version}.
     * Servicing and the installed-updates scan compare identities by this text, ignoring case.
     */
    public String text() {
        return name + "~" + publicKeyToken + "~" + architecture + "~" + language + "~" + version;
    }

    /** Parses {@link #text()}; the inverse of it. */
    public static PackageIdentity parse(String text) {
        String[] parts = text.split("~", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a package identity (name~token~arch~language~version): " + text);
        }
        return new PackageIdentity(parts[0], parts[4], parts[2], parts[3], parts[1]);
    }
}
