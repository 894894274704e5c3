package org.fenestra.catalog.api;

import java.util.Objects;

/**
 * What offline servicing works on: one index of a WIM file the catalog keeps, and the record that
 * owns it, an OS image or an OS upgrade package (whose {@code sources/install.wim} it is). Both
 * kinds share one ID space, so a target's ID is its owner's ID; applicability, the installed
 * updates, schedules and servicing history are all keyed on it.
 *
 * @param id             the owner's ID ({@code FEN00001}), an image's or an upgrade package's
 * @param kind           which kind of record owns the WIM
 * @param name           the owner's name
 * @param storedPath     the WIM to service: the image's stored file, or the package's {@code sources/install.wim}
 * @param imageIndex     the index inside {@code storedPath} that is serviced, from 1
 * @param architecture   the serviced index's processor architecture
 * @param osVersion      the serviced index's OS version, e.g. {@code 10.0.22621.2428}
 * @param sizeBytes      the WIM's size in bytes
 * @param contentVersion 1 when added; raised by each committed servicing run
 * @param packageFolder  the upgrade package's stored setup media folder; empty for an OS image
 * @since 0.1
 */
public record ServicingTarget(String id, Kind kind, String name, String storedPath, int imageIndex,
        Architecture architecture, String osVersion, long sizeBytes, int contentVersion, String packageFolder) {

    /** @since 0.1 */
    public enum Kind {
        OS_IMAGE("OS image"),
        UPGRADE_PACKAGE("OS upgrade package");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** What an admin calls it, e.g. "OS upgrade package". */
        public String label() {
            return label;
        }
    }

    public ServicingTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storedPath, "storedPath");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(packageFolder, "packageFolder");
    }
}
