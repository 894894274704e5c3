/**
 * The WIM engine's façades: open a WIM and read its images ({@link org.fenestra.wim.WimFile},
 * {@link org.fenestra.wim.WimImage}, {@link org.fenestra.wim.WimEntry}), write, change, split and
 * join WIMs ({@link org.fenestra.wim.WimWriter}, {@link org.fenestra.wim.WimUpdater},
 * {@link org.fenestra.wim.WimSplitter}, {@link org.fenestra.wim.WimJoiner}), and the descriptions
 * they return. Values they take live in {@code model}, errors in {@code errors}; the
 * implementation lives under {@code internal} and never depends on this package.
 *
 * @since 0.1
 */
package org.fenestra.wim;
