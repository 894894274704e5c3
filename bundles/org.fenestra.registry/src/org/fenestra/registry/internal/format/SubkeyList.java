package org.fenestra.registry.internal.format;

/**
 * Subkey lists: 0 signature (2 bytes), 2 number of entries (2 bytes), then the entries.
 * <ul>
 * <li>"li": 4-byte key cell offsets;</li>
 * <li>"lf": 8-byte entries, key cell offset and the first four characters of its name;</li>
 * <li>"lh": 8-byte entries, key cell offset and {@link #hash} of its name (what Windows writes);</li>
 * <li>"ri": 4-byte offsets of li/lf/lh lists (an index of leaves, for long lists).</li>
 * </ul>
 * Entries are sorted by upper-cased name, the order in which Windows searches them.
 */
public final class SubkeyList {
    public static final int COUNT = 2;
    public static final int ENTRIES = 4;
    /** Entries per lh leaf that Windows keeps; longer lists go into an ri of leaves. */
    public static final int LEAF_MAX = 1012;

    private SubkeyList() {
    }

    /** The lh hash: h = h * 37 + upper-case(c) over the name's UTF-16 code units. */
    public static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = h * 37 + Names.upcase(name.charAt(i));
        }
        return h;
    }
}
