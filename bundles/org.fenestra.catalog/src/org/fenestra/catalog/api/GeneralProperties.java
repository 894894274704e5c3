package org.fenestra.catalog.api;

/**
 * The properties an admin edits on an OS image's General tab.
 * <p>
 * A {@code null} version or comment means empty.
 *
 * @param name    unique within the site, ignoring case; not blank
 * @param version the admin's version label
 * @param comment the admin's comment
 * @since 0.1
 */
public record GeneralProperties(String name, String version, String comment) {

    public GeneralProperties {
        name = requireName(name);
        version = version == null ? "" : version;
        comment = comment == null ? "" : comment;
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an OS image needs a name");
        }
        return name;
    }
}
