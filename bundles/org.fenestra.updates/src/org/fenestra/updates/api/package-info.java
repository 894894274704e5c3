/**
 * The site's software updates catalog: update sources (folders of packages, local or UNC), what
 * each package is (read from its own metadata), which updates each OS image already holds and
 * which apply to it, and the download of packages into the site's content library.
 * <p>
 * Consumers take the {@link org.fenestra.updates.api.SoftwareUpdates} service from Declarative
 * Services; the implementation is internal to the bundle. The records are what servicing applies.
 *
 * @since 0.1
 */
package org.fenestra.updates.api;
