/**
 * Offline servicing of OS images. The {@link org.fenestra.servicing.api.ImageServicer} SPI is what
 * a servicer implements (the portable one on Fenestra's WIM engine, the DISM one on DismApi.dll):
 * open a working copy of one image index, add packages, list them, clean up components, then commit
 * or discard. Several servicers can be present as DS services; servicing picks, per package, the
 * one with the highest {@link org.fenestra.servicing.api.ImageServicer#priority()} that supports it.
 *
 * @since 0.1
 */
package org.fenestra.servicing.api;
