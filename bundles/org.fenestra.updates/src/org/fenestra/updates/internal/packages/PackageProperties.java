package org.fenestra.updates.internal.packages;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fenestra.updates.packages.PackageFormatException;

/**
 * An MSU's {@code *-pkgProperties.txt}: one {@code Name="value"} per line, usually UTF-16LE with a
 * byte order mark, sometimes UTF-8 (with or without one). Names are compared ignoring case:
 *
 * <pre>
 * KB Article Number="5031356"
 * Applies to="Windows 11"
 * Processor Architecture="amd64"
 * Build Date="2023/10/06"
 * Installation Type="Security Update"
 * </pre>
 */
public record PackageProperties(Map<String, String> values) {

    /** Larger files are not property lists (real ones are under 2 KB). */
    public static final int MAX_BYTES = 1024 * 1024;

    public static PackageProperties parse(byte[] bytes, String file) throws PackageFormatException {
        if (bytes.length > MAX_BYTES) {
            throw PackageFormatException.damaged(file, "a properties file of " + bytes.length + " bytes is too large");
        }
        String text = decode(bytes);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw PackageFormatException.damaged(file, "not a Name=\"value\" line: " + abbreviate(trimmed));
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT), value);
        }
        return new PackageProperties(Map.copyOf(values));
    }

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        // UTF-16LE without a mark: ASCII text has a zero in every second byte.
        if (bytes.length >= 2 && bytes[1] == 0 && bytes[0] != 0) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** The value of a property (name ignoring case), or "". */
    public String get(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** {@code KB} + the article number, or "" when absent. */
    public String articleId() {
        String number = get("KB Article Number");
        return number.isEmpty() ? "" : number.toUpperCase(Locale.ROOT).startsWith("KB") ? number : "KB" + number;
    }

    /** The build date ({@code 2023/10/06} or ISO), or null. */
    public LocalDate buildDate() {
        String text = get("Build Date");
        for (String pattern : new String[] { "yyyy/MM/dd", "yyyy-MM-dd", "M/d/yyyy" }) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }
}
