package org.fenestra.registry.internal.regfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.fenestra.registry.RegFileException;
import org.fenestra.registry.RegistryValue;
import org.fenestra.registry.RegistryValueType;

/**
 * Regedit's file format (version 5.00, and REGEDIT4): a header line, then {@code [KEY]} and
 * {@code [-KEY]} sections with {@code "name"=value} lines; values are {@code "string"},
 * {@code dword:XXXXXXXX}, {@code hex:bytes} or {@code hex(TYPE):bytes}, {@code -} deletes; a line
 * ending in {@code \} goes on on the next one; {@code ;} starts a comment.
 */
public final class RegFileParser {
    private final List<RegOperation> operations = new ArrayList<>();
    private String currentKey;

    private RegFileParser() {
    }

    /** The file's operations; its encoding is found from its byte order mark (UTF-16LE or UTF-8). */
    public static List<RegOperation> parse(byte[] content) throws RegFileException {
        return parse(decode(content));
    }

    public static List<RegOperation> parse(String text) throws RegFileException {
        RegFileParser parser = new RegFileParser();
        parser.run(text);
        return parser.operations;
    }

    static String decode(byte[] content) throws RegFileException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
            && (content[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (content.length >= 2 && content[0] != 0 && content[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, skip, content.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new RegFileException("not a text file in " + charset + " (" + e.getMessage() + ")", 0);
        }
    }

    private void run(String text) throws RegFileException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (!line.startsWith("[")) {
                while (line.endsWith("\\") && i + 1 < lines.length) {
                    line = line.substring(0, line.length() - 1) + lines[++i].strip();
                }
            }
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (!header) {
                if (!line.equals("Windows Registry Editor Version 5.00") && !line.equals("REGEDIT4")) {
                    throw new RegFileException("not a .reg file: the first line must be "
                        + "\"Windows Registry Editor Version 5.00\" or \"REGEDIT4\"", number);
                }
                header = true;
                continue;
            }
            if (line.startsWith("[")) {
                key(line, number);
            } else if (line.startsWith("\"") || line.startsWith("@")) {
                value(line, number);
            } else {
                throw new RegFileException("expected [KEY], \"name\"=value or @=value, found: " + abbreviate(line),
                    number);
            }
        }
        if (!header) {
            throw new RegFileException("empty file: no \"Windows Registry Editor Version 5.00\" header", 1);
        }
    }

    private void key(String line, int number) throws RegFileException {
        int end = line.lastIndexOf(']');
        if (end < 0 || !line.substring(end + 1).isBlank() && !line.substring(end + 1).strip().startsWith(";")) {
            throw new RegFileException("a key line is [KEY] or [-KEY]: " + abbreviate(line), number);
        }
        if (line.startsWith("[-")) {
            operations.add(new RegOperation.DeleteKey(line.substring(2, end), number));
            currentKey = null;
        } else {
            currentKey = line.substring(1, end);
            operations.add(new RegOperation.CreateKey(currentKey, number));
        }
    }

    private void value(String line, int number) throws RegFileException {
        if (currentKey == null) {
            throw new RegFileException("a value outside a [KEY] section", number);
        }
        String name;
        int pos;
        if (line.startsWith("@")) {
            name = "";
            pos = 1;
        } else {
            StringBuilder unescaped = new StringBuilder();
            pos = quoted(line, 0, unescaped, number);
            name = unescaped.toString();
        }
        pos = skipSpaces(line, pos);
        if (pos >= line.length() || line.charAt(pos) != '=') {
            throw new RegFileException("expected = after the value name: " + abbreviate(line), number);
        }
        String data = line.substring(skipSpaces(line, pos + 1));
        if (data.equals("-")) {
            operations.add(new RegOperation.DeleteValue(currentKey, name, number));
            return;
        }
        operations.add(new RegOperation.SetValue(currentKey, data(name, data, number), number));
    }

    private static RegistryValue data(String name, String data, int number) throws RegFileException {
        if (data.startsWith("\"")) {
            StringBuilder text = new StringBuilder();
            int end = quoted(data, 0, text, number);
            trailing(data, end, number);
            return RegistryValue.string(name, text.toString());
        }
        String lower = data.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("dword:")) {
            String digits = stripComment(data.substring(6));
            if (!digits.matches("[0-9a-fA-F]{1,8}")) {
                throw new RegFileException("dword: needs 1 to 8 hex digits, found: " + abbreviate(data), number);
            }
            return RegistryValue.dword(name, Integer.parseUnsignedInt(digits, 16));
        }
        if (lower.startsWith("hex:")) {
            return new RegistryValue(name, RegistryValueType.BINARY, hexBytes(data.substring(4), number));
        }
        if (lower.startsWith("hex(")) {
            int close = data.indexOf("):");
            String type = close < 0 ? "" : data.substring(4, close);
            if (!type.matches("[0-9a-fA-F]{1,8}")) {
                throw new RegFileException("hex(TYPE): needs a hex type, found: " + abbreviate(data), number);
            }
            return new RegistryValue(name, Integer.parseUnsignedInt(type, 16), hexBytes(data.substring(close + 2), number));
        }
        throw new RegFileException("a value is \"string\", dword:, hex: or hex(TYPE):, found: " + abbreviate(data),
            number);
    }

    private static byte[] hexBytes(String text, int number) throws RegFileException {
        String digits = stripComment(text).replaceAll("\\s", "");
        if (digits.isEmpty()) {
            return new byte[0];
        }
        if (!digits.matches("[0-9a-fA-F]{2}(,[0-9a-fA-F]{2})*,?")) {
            throw new RegFileException("hex data are two-digit bytes separated by commas: " + abbreviate(text), number);
        }
        return HexFormat.of().parseHex(digits.replace(",", ""));
    }

    private static String stripComment(String text) {
        int semicolon = text.indexOf(';');
        return (semicolon >= 0 ? text.substring(0, semicolon) : text).strip();
    }

    /** Reads a "quoted" string with \\ and \" escapes from {@code start}; returns the index after it. */
    private static int quoted(String line, int start, StringBuilder out, int number) throws RegFileException {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                out.append(line.charAt(++i));
            } else {
                out.append(c);
            }
            i++;
        }
        throw new RegFileException("a string without its closing quote: " + abbreviate(line), number);
    }

    private static void trailing(String line, int pos, int number) throws RegFileException {
        String rest = line.substring(pos).strip();
        if (!rest.isEmpty() && !rest.startsWith(";")) {
            throw new RegFileException("unexpected text after the string: " + abbreviate(rest), number);
        }
    }

    private static int skipSpaces(String line, int pos) {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
