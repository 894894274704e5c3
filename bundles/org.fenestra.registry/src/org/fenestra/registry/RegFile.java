package org.fenestra.registry;

import java.io.IOException;
import java.util.List;

import org.fenestra.registry.internal.format.Names;
import org.fenestra.registry.internal.regfile.RegFileParser;
import org.fenestra.registry.internal.regfile.RegFileWriter;
import org.fenestra.registry.internal.regfile.RegOperation;

/**
 * A Regedit {@code .reg} file (version 5.00 or REGEDIT4; UTF-16LE with its byte order mark, or
 * UTF-8): parsed once, then applied to a hive in an edit; and the export of any key.
 */
public final class RegFile {
    private final List<RegOperation> operations;

    private RegFile(List<RegOperation> operations) {
        this.operations = operations;
    }

    /** Parses a file's bytes (the encoding is found from its byte order mark). */
    public static RegFile parse(byte[] content) throws RegFileException {
        return new RegFile(RegFileParser.parse(content));
    }

    public static RegFile parse(String text) throws RegFileException {
        return new RegFile(RegFileParser.parse(text));
    }

    /** How many keys the file creates or deletes, and values it sets or deletes. */
    public int operationCount() {
        return operations.size();
    }

    /**
     * Applies the file in order: {@code [KEY]} creates the key (and the keys above it),
     * {@code [-KEY]} deletes it with everything below, values are set or deleted. Key paths in the
     * file start with {@code prefix} (say {@code HKEY_LOCAL_MACHINE\SOFTWARE}), which stands for
     * the hive's root; with an empty prefix they are paths from the root, a leading {@code \} allowed.
     */
    public void applyTo(HiveEdit edit, String prefix) throws HiveException {
        for (RegOperation operation : operations) {
            switch (operation) {
                case RegOperation.CreateKey create -> edit.createKey(relative(create.path(), prefix, create.line()));
                case RegOperation.DeleteKey delete -> {
                    String path = relative(delete.path(), prefix, delete.line());
                    if (path.isEmpty()) {
                        throw new RegFileException("the hive's root key cannot be deleted", delete.line());
                    }
                    edit.deleteKey(path);
                }
                case RegOperation.SetValue set -> edit.setValue(relative(set.path(), prefix, set.line()), set.value());
                case RegOperation.DeleteValue delete ->
                    edit.deleteValue(relative(delete.path(), prefix, delete.line()), delete.name());
            }
        }
    }

    private static String relative(String path, String prefix, int line) throws RegFileException {
        String p = prefix.endsWith("\\") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!p.isEmpty()) {
            boolean under = path.length() >= p.length() && Names.equal(path.substring(0, p.length()), p)
                && (path.length() == p.length() || path.charAt(p.length()) == '\\');
            if (!under) {
                throw new RegFileException("key " + path + " is not under " + p, line);
            }
            path = path.substring(p.length());
        }
        return path.startsWith("\\") ? path.substring(1) : path;
    }

    /** Writes the header and then {@code key} with everything below it, paths starting with {@code prefix}. */
    public static void export(RegistryKey key, String prefix, Appendable out) throws IOException {
        export(key, prefix, out, "\n");
    }

    /**
     * One value as its {@code .reg} line ({@code "name"=data}; long hex data continues on further
     * lines joined by {@code newline}), as {@code fenestra hive get HIVE KEY} prints it.
     */
    public static String valueLine(RegistryValue value, String newline) {
        return new RegFileWriter(new StringBuilder(), newline).valueLine(value);
    }

    /** As {@link #export(RegistryKey, String, Appendable)}, with the line ending given (Regedit writes "\r\n"). */
    public static void export(RegistryKey key, String prefix, Appendable out, String newline) throws IOException {
        RegFileWriter writer = new RegFileWriter(out, newline);
        writer.header();
        writer.export(key, prefix);
    }
}
