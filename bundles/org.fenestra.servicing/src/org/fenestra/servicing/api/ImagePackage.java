package org.fenestra.servicing.api;

import java.util.Objects;

/**
 * A package an image holds, as its servicer lists it.
 *
 * @param identity the package identity ({@code Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.2428.1.4},
 *                 or a Fenestra package's {@code name~version~arch~language})
 * @param kind     how the image records it: {@code CBS} (a {@code .mum} in the component store) or
 *                 {@code FENESTRA} (a package the portable servicer applied)
 * @since 0.1
 */
public record ImagePackage(String identity, String kind) {
    public ImagePackage {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(kind, "kind");
    }
}
