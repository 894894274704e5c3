package org.fenestra.registry.internal.regfile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.RegistryValueType;

/**
 * Writes keys as Regedit 5.00 does: a section per key (depth first, subkeys in the hive's order),
 * REG_SZ that is plain text as {@code "text"}, four-byte REG_DWORD as {@code dword:}, everything
 * else as {@code hex:}/{@code hex(TYPE):} bytes wrapped at 80 columns with {@code \}.
 */
public final class RegFileWriter {
    public static final String HEADER = "Windows Registry Editor Version 5.00";
    private static final int WRAP = 76;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    private final String newline;

    public RegFileWriter(Appendable out, String newline) {
        this.out = out;
        this.newline = newline;
    }

    public void header() throws IOException {
        out.append(HEADER).append(newline).append(newline);
    }

    /** The key and every key below it; their paths are {@code prefix} + {@code \} + the path from the root. */
    public void export(RegistryKey top, String prefix) throws IOException {
        Deque<RegistryKey> pending = new ArrayDeque<>();
        pending.push(top);
        StringBuilder line = new StringBuilder(256);
        while (!pending.isEmpty()) {
            RegistryKey key = pending.pop();
            String path = key.path();
            out.append('[').append(path.isEmpty() ? (prefix.isEmpty() ? "\\" : prefix) : prefix + "\\" + path)
                .append(']').append(newline);
            for (RegistryValue value : key.values()) {
                line.setLength(0);
                value(value, line);
                out.append(line).append(newline);
            }
            out.append(newline);
            List<RegistryKey> subkeys = key.subkeys();
            for (int i = subkeys.size() - 1; i >= 0; i--) {
                pending.push(subkeys.get(i));
            }
        }
    }

    /** One {@code "name"=data} line (several, joined by continuations, for long hex data). */
    public String valueLine(RegistryValue value) {
        StringBuilder line = new StringBuilder();
        value(value, line);
        return line.toString();
    }

    private void value(RegistryValue value, StringBuilder line) {
        if (value.name().isEmpty()) {
            line.append('@');
        } else {
            quote(value.name(), line);
        }
        line.append('=');
        byte[] data = value.data();
        String text = value.type() == RegistryValueType.SZ ? plainText(data) : null;
        if (text != null) {
            quote(text, line);
        } else if (value.type() == RegistryValueType.DWORD && data.length == 4) {
            line.append(String.format("dword:%08x", value.asDword()));
        } else {
            line.append(value.type() == RegistryValueType.BINARY ? "hex:" : "hex(" + Integer.toHexString(value.type()) + "):");
            int lineStart = 0;
            for (int i = 0; i < data.length; i++) {
                line.append(HEX[(data[i] >> 4) & 0xF]).append(HEX[data[i] & 0xF]);
                if (i < data.length - 1) {
                    line.append(',');
                    if (line.length() - lineStart > WRAP) {
                        line.append('\\').append(newline).append("  ");
                        lineStart = line.length() - 2;
                    }
                }
            }
        }
    }

    /** The text of a REG_SZ that round-trips through a quoted string: one final NUL, no other, no line breaks. */
    static String plainText(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0 || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_16LE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(data, 0, data.length - 2)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                return null;
            }
        }
        return text;
    }

    private static void quote(String text, StringBuilder line) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\');
            }
            line.append(c);
        }
        line.append('"');
    }
}
