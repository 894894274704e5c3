package org.fenestra.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One named value of a key: its name ({@code ""} for the key's default value), its type (see
 * {@link RegistryValueType}; unknown types are kept) and its bytes exactly as the hive holds them.
 * Strings are UTF-16LE with a terminating NUL, as Windows stores them.
 */
public final class RegistryValue {
    private final String name;
    private final int type;
    private final byte[] data;

    public RegistryValue(String name, int type, byte[] data) {
        if (name == null || data == null) {
            throw new IllegalArgumentException("a value needs a name (\"\" for the default) and data");
        }
        this.name = name;
        this.type = type;
        this.data = data.clone();
    }

    public static RegistryValue string(String name, String text) {
        return new RegistryValue(name, RegistryValueType.SZ, utf16z(text));
    }

    public static RegistryValue expandString(String name, String text) {
        return new RegistryValue(name, RegistryValueType.EXPAND_SZ, utf16z(text));
    }

    public static RegistryValue multiString(String name, List<String> strings) {
        StringBuilder joined = new StringBuilder();
        for (String s : strings) {
            joined.append(s).append('\0');
        }
        return new RegistryValue(name, RegistryValueType.MULTI_SZ, utf16z(joined.toString()));
    }

    public static RegistryValue dword(String name, int value) {
        return new RegistryValue(name, RegistryValueType.DWORD,
            ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    public static RegistryValue qword(String name, long value) {
        return new RegistryValue(name, RegistryValueType.QWORD,
            ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    public static RegistryValue binary(String name, byte[] data) {
        return new RegistryValue(name, RegistryValueType.BINARY, data);
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    /** A copy of the value's bytes. */
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    /** REG_SZ, REG_EXPAND_SZ or REG_LINK as text, up to the first NUL. */
    public String asString() {
        requireType("a string", RegistryValueType.SZ, RegistryValueType.EXPAND_SZ, RegistryValueType.LINK);
        String text = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    /** REG_MULTI_SZ as its strings (the empty string that ends the list is not one of them). */
    public List<String> asMultiString() {
        requireType("a multi-string", RegistryValueType.MULTI_SZ);
        String text = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        List<String> strings = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nul = text.indexOf('\0', start);
            int end = nul < 0 ? text.length() : nul;
            if (end == start) {
                break;
            }
            strings.add(text.substring(start, end));
            start = end + 1;
        }
        return strings;
    }

    /** REG_DWORD (little-endian) or REG_DWORD_BIG_ENDIAN of four bytes. */
    public int asDword() {
        requireType("a DWORD", RegistryValueType.DWORD, RegistryValueType.DWORD_BIG_ENDIAN);
        requireSize(4);
        return ByteBuffer.wrap(data)
            .order(type == RegistryValueType.DWORD ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).getInt();
    }

    /** REG_QWORD of eight bytes. */
    public long asQword() {
        requireType("a QWORD", RegistryValueType.QWORD);
        requireSize(8);
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void requireType(String what, int... types) {
        for (int t : types) {
            if (t == type) {
                return;
            }
        }
        throw new IllegalStateException("value \"" + name + "\" is " + RegistryValueType.name(type) + ", not " + what);
    }

    private void requireSize(int size) {
        if (data.length != size) {
            throw new IllegalStateException("value \"" + name + "\" has " + data.length + " bytes, not " + size);
        }
    }

    private static byte[] utf16z(String text) {
        return (text + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryValue v && v.name.equals(name) && v.type == type && Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "\"" + name + "\" " + RegistryValueType.name(type) + " "
            + HexFormat.of().formatHex(data, 0, Math.min(data.length, 32)) + (data.length > 32 ? "…" : "");
    }
}
