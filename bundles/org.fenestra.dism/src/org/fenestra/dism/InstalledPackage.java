package org.fenestra.dism;

import java.time.LocalDateTime;

/**
 * A package in an image, as {@code DismGetPackages} lists it.
 *
 * @param name the package identity ({@code Package_for_KB5031356~31bf3856ad364e35~amd64~~22621.2428.1.12})
 * @param installTime when it was installed, {@code null} when DISM gives none
 * @since 0.1
 */
public record InstalledPackage(String name, PackageState state, ReleaseType releaseType, LocalDateTime installTime) {
}
