package org.fenestra.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveEdit;
import org.fenestra.registry.RegFile;
import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.RegistryValueType;

/**
 * Jazzer target: the registry hive library on hostile bytes. An input starting with "regf" is a
 * hive (and, after a "HLOG" marker past its base block, a transaction log for it): it is read,
 * exported whole, every value read through its typed accessor, then edited (keys created and
 * deleted, small and big values set) and committed, and the result read again. Any other input
 * is a .reg file, parsed and applied to a new hive. Only {@link IOException}s are allowed.
 */
public final class HiveFuzzTarget {
    private static final Path FILE = createScratchFile();
    private static final byte[] LOG_MARKER = {'H', 'L', 'O', 'G'};

    private HiveFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        try {
            if (data.length >= 4 && data[0] == 'r' && data[1] == 'e' && data[2] == 'g' && data[3] == 'f') {
                hive(data);
            } else {
                regFile(data);
            }
        } catch (IOException e) {
            ExpectedFailures.check(e);
        }
    }

    private static void hive(byte[] data) throws IOException {
        int marker = indexOf(data, LOG_MARKER, 4096);
        Hive hive = marker < 0 ? Hive.read(data)
            : Hive.read(Arrays.copyOf(data, marker), List.of(Arrays.copyOfRange(data, marker + 4, data.length)));
        readEverything(hive.root());
        try (HiveEdit edit = hive.edit()) {
            RegistryKey first = hive.root().subkeys().stream().findFirst().orElse(null);
            edit.createKey("Fuzz\\Deep\\Key");
            edit.setValue("Fuzz\\Deep\\Key", RegistryValue.string("s", "text"));
            edit.setValue("Fuzz", RegistryValue.binary("big", new byte[20_000]));
            if (first != null) {
                edit.setValue(first.name(), RegistryValue.dword("d", 1));
                for (RegistryValue value : first.values()) {
                    edit.deleteValue(first.name(), value.name());
                }
                edit.deleteKey(first.name());
            }
            edit.commitTo(FILE);
        }
        readEverything(Hive.open(FILE).root());
    }

    private static void regFile(byte[] data) throws IOException {
        RegFile reg = RegFile.parse(data);
        Hive hive = Hive.create("ROOT");
        try (HiveEdit edit = hive.edit()) {
            reg.applyTo(edit, "");
            edit.commitTo(FILE);
        }
        readEverything(hive.root());
    }

    private static void readEverything(RegistryKey root) throws IOException {
        RegFile.export(root, "", Writer.nullWriter());
        walk(root);
    }

    private static void walk(RegistryKey key) {
        key.lastWritten();
        key.className();
        key.securityDescriptor();
        for (RegistryValue value : key.values()) {
            try {
                switch (value.type()) {
                    case RegistryValueType.SZ, RegistryValueType.EXPAND_SZ, RegistryValueType.LINK -> value.asString();
                    case RegistryValueType.MULTI_SZ -> value.asMultiString();
                    case RegistryValueType.DWORD, RegistryValueType.DWORD_BIG_ENDIAN -> value.asDword();
                    case RegistryValueType.QWORD -> value.asQword();
                    default -> value.data();
                }
            } catch (IllegalStateException e) {
                // A DWORD of other than four bytes: the accessor's documented refusal.
            }
        }
        for (RegistryKey subkey : key.subkeys()) {
            walk(subkey);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Path createScratchFile() {
        try {
            Path f = Files.createTempFile("fenestra-fuzz-", ".hive");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
