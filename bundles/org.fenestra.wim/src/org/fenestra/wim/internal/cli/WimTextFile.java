package org.fenestra.wim.internal.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file as wimlib reads its list and command files: UTF-16LE when it starts with the
 * BOM FF FE or when its first character is ASCII followed by a zero byte, else UTF-8 (a UTF-8
 * BOM is skipped). Lines are trimmed; blank lines and lines starting with {@code ;} or
 * {@code #} are skipped.
 */
final class WimTextFile {
    private WimTextFile() {
    }

    /** The text of {@code raw}, decoded with wimlib's guess of its encoding, without BOM. */
    static String decode(byte[] raw) {
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE) {
            return new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16LE);
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) <= 0x7F && raw[1] == 0) {
            return new String(raw, StandardCharsets.UTF_16LE);
        }
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8);
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * The meaningful lines of {@code raw}, trimmed; {@code removeQuotes}: a line wholly enclosed
     * in " or ' loses them (wimlib's path lists).
     */
    static List<String> lines(byte[] raw, boolean removeQuotes) {
        List<String> lines = new ArrayList<>();
        for (String line : decode(raw).split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.charAt(0) == ';' || l.charAt(0) == '#') {
                continue;
            }
            char q = l.charAt(0);
            if (removeQuotes && (q == '"' || q == '\'') && l.length() >= 2 && l.charAt(l.length() - 1) == q) {
                l = l.substring(1, l.length() - 1);
            }
            lines.add(l);
        }
        return lines;
    }
}
