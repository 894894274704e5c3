package org.fenestra.dism;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The details of one package ({@code DismGetPackageInfo}); text fields are {@code null} where
 * DISM gives none.
 *
 * @since 0.1
 */
public record PackageInfo(String name, PackageState state, ReleaseType releaseType, LocalDateTime installTime,
        boolean applicable, String copyright, String company, LocalDateTime creationTime, String displayName,
        String description, String installClient, String installPackageName, LocalDateTime lastUpdateTime,
        String productName, String productVersion, RestartType restartRequired, boolean fullyOfflineInstallable,
        String supportInformation, List<CustomProperty> customProperties, List<Feature> features) {

    public PackageInfo {
        customProperties = List.copyOf(customProperties);
        features = List.copyOf(features);
    }

    /** A package's custom property ({@code DismCustomProperty}). */
    public record CustomProperty(String name, String value, String path) {
    }

    /** A feature of the package and its state ({@code DismFeature}). */
    public record Feature(String name, PackageState state) {
    }
}
