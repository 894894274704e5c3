package org.fenestra.registry;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A random sequence of edits (keys created in deep and wide trees, values of every type set,
 * replaced and deleted, big values, subtrees deleted), kept as a model so each edit names a key
 * that exists, and written both as calls on a {@link HiveEdit} and as a .reg file for hivex.
 */
final class RandomEdits {
    private static final char[] KEY_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 _-.{}€·日本".toCharArray();
    /**
     * ASCII only: hivexregedit --merge compares value names it reads with the hive's as Perl
     * strings of different kinds, so it never replaces or deletes a value with a non-ASCII name.
     */
    private static final char[] VALUE_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 _-.{}".toCharArray();
    private static final int[] TYPES = {RegistryValueType.NONE, RegistryValueType.SZ, RegistryValueType.EXPAND_SZ,
        RegistryValueType.BINARY, RegistryValueType.DWORD, RegistryValueType.DWORD_BIG_ENDIAN, RegistryValueType.LINK,
        RegistryValueType.MULTI_SZ, RegistryValueType.RESOURCE_LIST, RegistryValueType.FULL_RESOURCE_DESCRIPTOR,
        RegistryValueType.RESOURCE_REQUIREMENTS_LIST, RegistryValueType.QWORD, 0x1234, 0x7FFF0000};

    sealed interface Edit {
    }

    record CreateKey(String path) implements Edit {
    }

    record DeleteKey(String path) implements Edit {
    }

    record SetValue(String path, RegistryValue value) implements Edit {
    }

    record DeleteValue(String path, String name) implements Edit {
    }

    private final Random random;
    /** Key path (upper-cased) to its path and its values' names (upper-cased to name). */
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();
    private final List<String> keyList = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();

    RandomEdits(long seed) {
        random = new Random(seed);
        keys.put("", "");
        values.put("", new LinkedHashMap<>());
        keyList.add("");
    }

    RandomEdits generate(int count) {
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 30 || keyList.size() < 5) {
                createKey();
            } else if (kind < 80) {
                setValue();
            } else if (kind < 93) {
                deleteValue();
            } else {
                deleteKey();
            }
        }
        return this;
    }

    private String anyKey() {
        // Favour recent keys, so the tree grows deep as well as wide.
        int n = keyList.size();
        return keyList.get(random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 8)) : random.nextInt(n));
    }

    private String name(int max, char[] chars) {
        int length = 1 + random.nextInt(max);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(chars[random.nextInt(chars.length)]);
        }
        return name.toString();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private void createKey() {
        String parent = anyKey();
        if (parent.split("\\\\").length > 40) {
            parent = "";
        }
        String name = name(12, KEY_NAME_CHARS);
        String path = parent.isEmpty() ? name : parent + "\\" + name;
        if (keys.containsKey(upper(path))) {
            return;
        }
        keys.put(upper(path), path);
        values.put(upper(path), new LinkedHashMap<>());
        keyList.add(path);
        edits.add(new CreateKey(path));
    }

    private void setValue() {
        String path = anyKey();
        Map<String, String> names = values.get(upper(path));
        String name;
        if (!names.isEmpty() && random.nextInt(4) == 0) {
            name = new ArrayList<>(names.values()).get(random.nextInt(names.size()));
        } else {
            name = random.nextInt(20) == 0 ? "" : random.nextInt(30) == 0 ? "q\"uo\\te" : name(16, VALUE_NAME_CHARS);
        }
        names.remove(upper(name));
        names.put(upper(name), name);
        int type = TYPES[random.nextInt(TYPES.length)];
        edits.add(new SetValue(path, new RegistryValue(name, type, data(type))));
    }

    private byte[] data(int type) {
        int size = switch (random.nextInt(20)) {
            case 0 -> 0;
            case 1 -> 16_000 + random.nextInt(90_000); // big data: db cells
            case 2, 3, 4 -> random.nextInt(5);
            default -> random.nextInt(300);
        };
        if (type == RegistryValueType.DWORD || type == RegistryValueType.DWORD_BIG_ENDIAN) {
            size = random.nextInt(8) == 0 ? size : 4;
        } else if (type == RegistryValueType.QWORD) {
            size = 8;
        }
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    private void deleteValue() {
        String path = anyKey();
        Map<String, String> names = values.get(upper(path));
        String name = names.isEmpty() || random.nextInt(10) == 0 ? "absent" + random.nextInt(99)
            : new ArrayList<>(names.values()).get(random.nextInt(names.size()));
        names.remove(upper(name));
        edits.add(new DeleteValue(path, name));
    }

    private void deleteKey() {
        String path = keyList.get(1 + random.nextInt(keyList.size() - 1));
        String prefix = upper(path) + "\\";
        keyList.removeIf(k -> upper(k).equals(upper(path)) || upper(k).startsWith(prefix));
        keys.keySet().removeIf(k -> k.equals(upper(path)) || k.startsWith(prefix));
        values.keySet().removeIf(k -> k.equals(upper(path)) || k.startsWith(prefix));
        edits.add(new DeleteKey(path));
    }

    /** Applies the edits from {@code from} to {@code to} (exclusive). */
    void apply(HiveEdit edit, int from, int to) throws HiveException {
        for (Edit e : edits.subList(from, to)) {
            switch (e) {
                case CreateKey c -> edit.createKey(c.path());
                case DeleteKey d -> edit.deleteKey(d.path());
                case SetValue s -> edit.setValue(s.path(), s.value());
                case DeleteValue d -> edit.deleteValue(d.path(), d.name());
            }
        }
    }

    /** The edits as a .reg file as hivexregedit --merge reads it (one section per edit, in order). */
    String regFile() {
        StringBuilder reg = new StringBuilder("Windows Registry Editor Version 5.00\n\n");
        for (Edit e : edits) {
            switch (e) {
                case CreateKey c -> reg.append("[\\").append(c.path()).append("]\n\n");
                case DeleteKey d -> reg.append("[-\\").append(d.path()).append("]\n\n");
                case SetValue s -> reg.append("[\\").append(s.path()).append("]\n").append(quoted(s.value().name()))
                    .append("=hex(").append(Integer.toHexString(s.value().type())).append("):")
                    .append(HexFormat.ofDelimiter(",").formatHex(s.value().data())).append("\n\n");
                case DeleteValue d -> reg.append("[\\").append(d.path()).append("]\n").append(quoted(d.name()))
                    .append("=-\n\n");
            }
        }
        return reg.toString();
    }

    private static String quoted(String name) {
        return name.isEmpty() ? "@" : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
