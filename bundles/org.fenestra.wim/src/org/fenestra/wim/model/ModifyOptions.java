package org.fenestra.wim.model;

/**
 * How {@link WimUpdater} changes an existing WIM.
 *
 * @param integrity  integrity table of the result: keep whether the WIM has one (wimlib's
 *                   default), add one ({@code --check}), or drop it ({@code --nocheck})
 * @param boot       mark the added image bootable ({@code --boot}; export: the source's boot
 *                   image, or the one image exported)
 * @param rebuild    rebuild the whole file afterwards, dropping holes ({@code --rebuild})
 * @param softDelete delete: leave the deleted image's data in place instead of rebuilding
 *                   ({@code --soft}; wimlib rebuilds after a delete by default)
 *
 * @since 0.1
 */
public record ModifyOptions(Integrity integrity, boolean boot, boolean rebuild, boolean softDelete) {

    /** What becomes of the integrity table. */
    public enum Integrity {
        KEEP, ADD, REMOVE;

        public boolean wanted(boolean hadOne) {
            return this == ADD || this == KEEP && hadOne;
        }
    }

    public static ModifyOptions defaults() {
        return new ModifyOptions(Integrity.KEEP, false, false, false);
    }
}
