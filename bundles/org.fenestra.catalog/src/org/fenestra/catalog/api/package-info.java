/**
 * The site catalog: the database of OS images (and, in later versions, their updates,
 * servicing schedules and distribution points) shared by every Fenestra site server and
 * workbench of a site.
 * <p>
 * Consumers take the {@link org.fenestra.catalog.api.ImageCatalog} service from Declarative
 * Services; the implementation is internal to the bundle.
 *
 * @since 0.1
 */
package org.fenestra.catalog.api;
