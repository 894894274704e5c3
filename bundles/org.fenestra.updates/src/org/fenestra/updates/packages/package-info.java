/**
 * The update package formats other bundles read themselves: the Fenestra package ({@code .fpkg},
 * {@link org.fenestra.updates.packages.FenestraPackage}), which the portable servicer applies,
 * and the typed error every package reader throws
 * ({@link org.fenestra.updates.packages.PackageFormatException}). The format is documented in the
 * bundle's README.
 *
 * @since 0.1
 */
package org.fenestra.updates.packages;
