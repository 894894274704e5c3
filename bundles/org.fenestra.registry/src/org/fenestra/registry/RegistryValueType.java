package org.fenestra.registry;

/** The registry's value types (a value's type is an int; types not listed here are kept as they are). */
public final class RegistryValueType {
    public static final int NONE = 0;
    public static final int SZ = 1;
    public static final int EXPAND_SZ = 2;
    public static final int BINARY = 3;
    public static final int DWORD = 4;
    public static final int DWORD_BIG_ENDIAN = 5;
    public static final int LINK = 6;
    public static final int MULTI_SZ = 7;
    public static final int RESOURCE_LIST = 8;
    public static final int FULL_RESOURCE_DESCRIPTOR = 9;
    public static final int RESOURCE_REQUIREMENTS_LIST = 10;
    public static final int QWORD = 11;

    private static final String[] NAMES = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
        "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};

    private RegistryValueType() {
    }

    /** {@code REG_SZ} and so on, or {@code 0x1234} for a type without a name. */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "0x" + Integer.toHexString(type);
    }
}
