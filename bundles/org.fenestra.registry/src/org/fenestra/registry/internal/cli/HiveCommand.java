package org.fenestra.registry.internal.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.HiveException;
import org.fenestra.registry.RegFile;
import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.RegistryValueType;
import org.fenestra.registry.internal.regfile.RegFileWriter;

/**
 * {@code fenestra hive COMMAND ...}: create a hive, export keys as a {@code .reg} file, import
 * one, print a key's values or one value. Exit status 0 ok, 1 failed (message on stderr), 2 usage.
 */
public final class HiveCommand {
    private static final int FAILED = 1;
    private static final int USAGE = 2;
    private static final String USAGE_TEXT = """
        usage: fenestra hive new HIVE [ROOTNAME]                     an empty hive (root key ROOTNAME, default ROOT)
               fenestra hive export HIVE [KEY] [--prefix P] [--utf16]  KEY and below as a .reg file on stdout
               fenestra hive import HIVE FILE.reg [--prefix P]       apply a .reg file (all or nothing)
               fenestra hive get HIVE KEY [VALUE]                    a key's values, or one value's data
        KEY is a path from the root key, \\-separated, case-insensitive ("" or \\ for the root).
        --prefix P: key paths in the .reg file start with P (e.g. HKEY_LOCAL_MACHINE\\SOFTWARE), standing for the root.
        --utf16: write UTF-16LE with a byte order mark and CRLF, as Regedit does (default UTF-8).""";

    private final OutputStream out;
    private final PrintStream err;

    public HiveCommand(OutputStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int rc = new HiveCommand(out, err).run(args);
        System.exit(rc);
    }

    /** Runs one command and returns the exit status. */
    public int run(String... args) {
        List<String> positional = new ArrayList<>();
        String prefix = "";
        boolean utf16 = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--prefix" -> {
                    if (i + 1 >= args.length) {
                        return usage("--prefix needs a value");
                    }
                    prefix = args[++i];
                }
                case "--utf16" -> utf16 = true;
                case "-h", "--help" -> {
                    err.println(USAGE_TEXT);
                    return 0;
                }
                default -> positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            return usage(null);
        }
        String command = positional.remove(0);
        try {
            return switch (command) {
                case "new" -> positional.size() < 1 || positional.size() > 2 ? usage("new HIVE [ROOTNAME]")
                    : create(Path.of(positional.get(0)), positional.size() > 1 ? positional.get(1) : "ROOT");
                case "export" -> positional.size() < 1 || positional.size() > 2 ? usage("export HIVE [KEY]")
                    : export(Path.of(positional.get(0)), positional.size() > 1 ? positional.get(1) : "", prefix, utf16);
                case "import" -> positional.size() != 2 ? usage("import HIVE FILE.reg")
                    : importFile(Path.of(positional.get(0)), Path.of(positional.get(1)), prefix);
                case "get" -> positional.size() < 2 || positional.size() > 3 ? usage("get HIVE KEY [VALUE]")
                    : get(Path.of(positional.get(0)), positional.get(1), positional.size() > 2 ? positional.get(2) : null);
                default -> usage("unknown command " + command);
            };
        } catch (IOException e) {
            err.println("fenestra hive: " + e.getMessage());
            return FAILED;
        } catch (UncheckedIOException e) {
            err.println("fenestra hive: " + e.getCause().getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("fenestra hive: " + e.getMessage());
            return FAILED;
        }
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("fenestra hive: " + problem);
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private int create(Path file, String rootName) throws IOException {
        if (Files.exists(file)) {
            throw new HiveException(file + " already exists");
        }
        Hive hive = Hive.create(rootName);
        try (HiveEdit edit = hive.edit()) {
            edit.commitTo(file);
        }
        return 0;
    }

    private int export(Path file, String keyPath, String prefix, boolean utf16) throws IOException {
        RegistryKey key = key(Hive.open(file), keyPath);
        if (utf16) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out,
            utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8), 1 << 16);
        RegFile.export(key, prefix, writer, utf16 ? "\r\n" : "\n");
        writer.flush();
        return 0;
    }

    private int importFile(Path file, Path regFile, String prefix) throws IOException {
        RegFile reg = RegFile.parse(Files.readAllBytes(regFile));
        Hive hive = Hive.open(file);
        try (HiveEdit edit = hive.edit()) {
            reg.applyTo(edit, prefix);
            edit.commit();
        }
        return 0;
    }

    private int get(Path file, String keyPath, String valueName) throws IOException {
        RegistryKey key = key(Hive.open(file), keyPath);
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        if (valueName == null) {
            RegFileWriter lines = new RegFileWriter(print, "\n");
            for (RegistryValue value : key.values()) {
                print.println(lines.valueLine(value));
            }
        } else {
            String name = valueName.equals("@") ? "" : valueName;
            RegistryValue value = key.value(name)
                .orElseThrow(() -> new HiveException("key \\" + key.path() + " has no value \"" + valueName + "\""));
            print.println(text(value));
        }
        print.flush();
        return 0;
    }

    /** A value's data for people: text for strings, decimal for numbers, hex bytes for the rest. */
    private static String text(RegistryValue value) {
        return switch (value.type()) {
            case RegistryValueType.SZ, RegistryValueType.EXPAND_SZ, RegistryValueType.LINK -> value.asString();
            case RegistryValueType.MULTI_SZ -> String.join("\n", value.asMultiString());
            case RegistryValueType.DWORD, RegistryValueType.DWORD_BIG_ENDIAN ->
                value.size() == 4 ? Integer.toUnsignedString(value.asDword()) : HexFormat.of().formatHex(value.data());
            case RegistryValueType.QWORD ->
                value.size() == 8 ? Long.toUnsignedString(value.asQword()) : HexFormat.of().formatHex(value.data());
            default -> HexFormat.of().formatHex(value.data());
        };
    }

    private static RegistryKey key(Hive hive, String path) throws HiveException {
        return hive.key(path).orElseThrow(() -> new HiveException("no such key: " + path));
    }
}
