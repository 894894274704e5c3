package org.fenestra.servicing.api;

import java.util.Objects;

/**
 * What adding one package did.
 *
 * @param result          applied, or not supported by this servicer
 * @param identity        the package identity now in the image ({@code name~version~arch~lang}); empty when not applied
 * @param detail          for NOT_SUPPORTED the reason; for APPLIED a summary ("2 added, 1 replaced, 0 deleted, 1 registry file")
 * @param filesAdded      files created in the image
 * @param filesChanged    files overwritten (registry hives included)
 * @param filesRemoved    files or folders deleted
 * @since 0.1
 */
public record PackageOutcome(Result result, String identity, String detail, int filesAdded, int filesChanged,
        int filesRemoved) {

    /** @since 0.1 */
    public enum Result {
        APPLIED,
        /** The servicer cannot apply this package type (Configuration Manager: "Not applying this update binary, it is not supported"). */
        NOT_SUPPORTED
    }

    public PackageOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(detail, "detail");
    }

    public static PackageOutcome notSupported(String reason) {
        return new PackageOutcome(Result.NOT_SUPPORTED, "", reason, 0, 0, 0);
    }
}
