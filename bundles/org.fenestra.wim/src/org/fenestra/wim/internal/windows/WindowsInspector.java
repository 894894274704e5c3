package org.fenestra.wim.internal.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveException;
import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.RegistryValueType;
import org.fenestra.wim.model.WindowsFacts;

/**
 * Finds a tree's Windows system root and reads its facts, following wimlib's
 * {@code xml_windows.c}: which values, from which keys, with which fallbacks. Everything that
 * cannot be read is skipped with a warning, never an error: an image is still an image without
 * its facts.
 */
public final class WindowsInspector {

    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    private static final String CONTROL = "ControlSet001\\Control";
    private static final String HAL_CLASS = CONTROL + "\\Class\\{4D36E966-E325-11CE-BFC1-08002BE10318}\\0000";

    private final List<String> warnings = new ArrayList<>();

    private WindowsInspector() {
    }

    public static WindowsFacts inspect(TreeNode root) throws IOException {
        return new WindowsInspector().facts(root);
    }

    /** The files wimlib looks for in a candidate system root. */
    private record SystemRoot(TreeNode directory, TreeNode kernel32, TreeNode config, TreeNode software,
            TreeNode system) {

        int score() {
            return (kernel32 != null ? 1 : 0) + (software != null ? 1 : 0) + (system != null ? 1 : 0);
        }
    }

    private WindowsFacts facts(TreeNode root) throws IOException {
        SystemRoot found = findSystemRoot(root);
        if (found == null) {
            return WindowsFacts.NOT_WINDOWS;
        }
        long architecture = -1;
        if (found.kernel32() != null) {
            byte[] pe = readOrWarn(found.kernel32());
            if (pe != null) {
                StringBuilder problem = new StringBuilder();
                int arch = PeMachine.architecture(pe, problem);
                if (arch == PeMachine.UNKNOWN) {
                    warnings.add(found.kernel32().path() + " gives no architecture: " + problem);
                } else {
                    architecture = arch;
                }
            }
        }
        Hive software = hive(found.software(), found.config());
        Hive system = hive(found.system(), found.config());
        Optional<RegistryKey> cv = software == null ? Optional.empty() : software.key(CURRENT_VERSION);

        long major = number(cv, "CurrentMajorVersionNumber");
        long minor = number(cv, "CurrentMinorVersionNumber");
        if (major < 0 || minor < 0) { // before Windows 10, and CurrentVersion stays "6.3" since
            String[] parts = string(cv, "CurrentVersion").split("\\.");
            if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("\\d{1,9}")) {
                major = Long.parseLong(parts[0]);
                minor = Long.parseLong(parts[1]);
            }
        }
        String buildNumber = string(cv, "CurrentBuildNumber");
        String currentBuild = string(cv, "CurrentBuild");
        // Windows XP marks CurrentBuild obsolete ("1.511.1 () (Obsolete data - do not use)").
        String buildText = currentBuild.contains(".") ? buildNumber : currentBuild;
        String buildDigits = buildNumber.matches("\\d{1,9}") ? buildNumber : buildText;

        Optional<RegistryKey> windows = key(system, CONTROL + "\\Windows");
        Optional<RegistryKey> productOptions = key(system, CONTROL + "\\ProductOptions");
        long csdVersion = number(windows, "CSDVersion");
        List<String> languages = new ArrayList<>();
        key(system, CONTROL + "\\MUI\\UILanguages").ifPresent(k -> k.subkeys().forEach(l -> languages.add(l.name())));

        return new WindowsFacts(found.directory().name().toUpperCase(Locale.ROOT), architecture,
                string(cv, "ProductName"), string(cv, "EditionID"), string(cv, "InstallationType"), major,
                major < 0 ? -1 : minor, buildText,
                buildDigits.matches("\\d{1,9}") ? Long.parseLong(buildDigits) : -1, number(cv, "UBR"),
                string(cv, "DisplayVersion"), number(windows, "CSDBuildNumber"), csdVersion < 0 ? -1 : csdVersion >> 8,
                string(productOptions, "ProductType"), string(productOptions, "ProductSuite"),
                string(key(system, HAL_CLASS), "MatchingDeviceId"), languages, defaultLanguage(system), warnings);
    }

    /** The top-level directory holding most of the three files; on a tie, the one named Windows. */
    private static SystemRoot findSystemRoot(TreeNode root) throws IOException {
        SystemRoot best = null;
        for (TreeNode candidate : root.children()) {
            if (!candidate.isDirectory()) {
                continue;
            }
            TreeNode system32 = candidate.child("System32");
            if (system32 == null || !system32.isDirectory()) {
                continue;
            }
            TreeNode config = system32.child("config");
            SystemRoot here = new SystemRoot(candidate, system32.child("kernel32.dll"), config,
                    config == null ? null : config.child("SOFTWARE"), config == null ? null : config.child("SYSTEM"));
            int bestScore = best == null ? 0 : best.score();
            if (here.score() > bestScore
                    || here.score() == bestScore && here.score() > 0 && candidate.name().equalsIgnoreCase("Windows")) {
                best = here;
            }
        }
        return best;
    }

    private String defaultLanguage(Hive system) {
        String install = string(key(system, CONTROL + "\\Nls\\Language"), "InstallLanguage");
        if (install.isEmpty()) {
            return "";
        }
        String name = install.matches("[0-9A-Fa-f]{1,4}") ? LanguageIds.name(Integer.parseInt(install, 16)) : null;
        if (name == null) {
            warnings.add("InstallLanguage " + install + " is not a known language ID");
            return "";
        }
        return name;
    }

    /** The hive, brought up to date from its .LOG1/.LOG2 when dirty; null (with a warning) when unusable. */
    private Hive hive(TreeNode file, TreeNode config) throws IOException {
        if (file == null) {
            return null;
        }
        if (file.isDirectory()) {
            warnings.add(file.path() + " is a directory, not a file");
            return null;
        }
        try {
            return HiveFiles.open(file, config, WindowsFacts.MAX_FILE_BYTES);
        } catch (UnreadableFileException e) {
            warnings.add(e.getMessage());
            return null;
        } catch (HiveException e) {
            warnings.add(file.path() + " is not a usable registry hive: " + e.getMessage());
            return null;
        }
    }

    private byte[] readOrWarn(TreeNode file) throws IOException {
        if (file.isDirectory()) {
            warnings.add(file.path() + " is a directory, not a file");
            return null;
        }
        try {
            return file.read(WindowsFacts.MAX_FILE_BYTES);
        } catch (UnreadableFileException e) {
            warnings.add(e.getMessage());
            return null;
        }
    }

    private static Optional<RegistryKey> key(Hive hive, String path) {
        return hive == null ? Optional.empty() : hive.key(path);
    }

    /** A REG_SZ, or a REG_MULTI_SZ's first string, as wimlib reads strings; "" when absent or another type. */
    private static String string(Optional<RegistryKey> key, String name) {
        Optional<RegistryValue> value = key.flatMap(k -> k.value(name));
        if (value.isEmpty()) {
            return "";
        }
        return switch (value.get().type()) {
            case RegistryValueType.SZ -> value.get().asString();
            case RegistryValueType.MULTI_SZ -> value.get().asMultiString().stream().findFirst().orElse("");
            default -> "";
        };
    }

    /** A DWORD (either byte order) or QWORD of the right size; -1 when absent or not a number. */
    private static long number(Optional<RegistryKey> key, String name) {
        Optional<RegistryValue> value = key.flatMap(k -> k.value(name));
        if (value.isEmpty()) {
            return -1;
        }
        RegistryValue v = value.get();
        return switch (v.type()) {
            case RegistryValueType.DWORD, RegistryValueType.DWORD_BIG_ENDIAN ->
                v.size() == 4 ? Integer.toUnsignedLong(v.asDword()) : -1;
            case RegistryValueType.QWORD -> v.size() == 8 ? v.asQword() : -1;
            default -> -1;
        };
    }
}
