package org.fenestra.registry.internal.format;

/**
 * A key node cell ("nk"); offsets into the cell's data.
 *
 * <pre>
 *      0    2 "nk"
 *      2    2 flags: 0x0004 root (hive entry), 0x0020 name in Latin-1 ("compressed"), else UTF-16LE
 *      4    8 last written, FILETIME
 *     12    4 access bits
 *     16    4 parent key cell
 *     20    4 number of subkeys
 *     24    4 number of volatile subkeys (always 0 in a file)
 *     28    4 subkey list cell (lf, lh, li or ri), -1 when none
 *     32    4 volatile subkey list
 *     36    4 number of values
 *     40    4 value list cell (an array of vk cell offsets), -1 when none
 *     44    4 security key cell (sk)
 *     48    4 class name cell, -1 when none
 *     52    4 largest subkey name length (bytes, UTF-16)
 *     56    4 largest subkey class name length
 *     60    4 largest value name length (bytes, UTF-16)
 *     64    4 largest value data size
 *     68    4 work var
 *     72    2 key name length (bytes as stored)
 *     74    2 class name length (bytes)
 *     76    . key name
 * </pre>
 */
public final class KeyNode {
    public static final int FLAGS = 2;
    public static final int LAST_WRITTEN = 4;
    public static final int ACCESS_BITS = 12;
    public static final int PARENT = 16;
    public static final int SUBKEY_COUNT = 20;
    public static final int VOLATILE_SUBKEY_COUNT = 24;
    public static final int SUBKEY_LIST = 28;
    public static final int VOLATILE_SUBKEY_LIST = 32;
    public static final int VALUE_COUNT = 36;
    public static final int VALUE_LIST = 40;
    public static final int SECURITY = 44;
    public static final int CLASS_NAME = 48;
    public static final int MAX_SUBKEY_NAME = 52;
    public static final int MAX_SUBKEY_CLASS = 56;
    public static final int MAX_VALUE_NAME = 60;
    public static final int MAX_VALUE_DATA = 64;
    public static final int WORK_VAR = 68;
    public static final int NAME_LENGTH = 72;
    public static final int CLASS_LENGTH = 74;
    public static final int NAME = 76;

    public static final int FLAG_ROOT = 0x0004;
    public static final int FLAG_NO_DELETE = 0x0008;
    public static final int FLAG_COMPRESSED_NAME = 0x0020;

    private KeyNode() {
    }
}
