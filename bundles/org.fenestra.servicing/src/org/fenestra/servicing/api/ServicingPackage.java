package org.fenestra.servicing.api;

import java.nio.file.Path;
import java.util.Objects;

import org.fenestra.updates.api.PackageType;

/**
 * A package to add: its file (in the content library) and what kind it is.
 *
 * @param updateId the catalog's ID ({@code UPD00001}), for logs and results
 * @param file     the package file ({@code .fpkg}, {@code .cab}, {@code .msu}) or an expanded folder
 * @param type     what synchronize found it to be
 * @since 0.1
 */
public record ServicingPackage(String updateId, Path file, PackageType type) {
    public ServicingPackage {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
    }
}
