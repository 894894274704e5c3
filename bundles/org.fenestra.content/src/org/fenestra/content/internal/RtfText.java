package org.fenestra.content.internal;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * The text of an RTF document, without its formatting: enough for the license terms Windows
 * ships (paragraphs, tabs, {@code \'hh} code page characters, Unicode characters ({@code u} control words)).
 * Groups that hold no text (font and colour tables, style sheets, document info, pictures and
 * every {@code \*} destination) are skipped.
 */
final class RtfText {

    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict",
            "header", "footer", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
            "themedata", "colorschememapping", "latentstyles", "datastore", "pgdsctbl", "revtbl");

    private RtfText() {
    }

    static String plain(byte[] rtf) {
        Charset codePage = Charset.forName("windows-1252");
        StringBuilder text = new StringBuilder();
        int depth = 0;
        int skipFrom = Integer.MAX_VALUE; // group depth below which text is skipped
        int unicodeSkip = 1; // the uc control word: how many characters after a u control word are its fallback
        int pendingSkip = 0;
        int i = 0;
        while (i < rtf.length) {
            char c = (char) (rtf[i] & 0xFF);
            if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth <= skipFrom) {
                    skipFrom = Integer.MAX_VALUE;
                }
                depth--;
                i++;
            } else if (c == '\\') {
                i++;
                if (i >= rtf.length) {
                    break;
                }
                char next = (char) (rtf[i] & 0xFF);
                if (Character.isLetter(next)) {
                    int start = i;
                    while (i < rtf.length && Character.isLetter((char) (rtf[i] & 0xFF))) {
                        i++;
                    }
                    String word = new String(rtf, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
                    int numberStart = i;
                    if (i < rtf.length && (rtf[i] == '-' || Character.isDigit((char) rtf[i]))) {
                        i++;
                        while (i < rtf.length && Character.isDigit((char) rtf[i])) {
                            i++;
                        }
                    }
                    String number = new String(rtf, numberStart, i - numberStart, java.nio.charset.StandardCharsets.US_ASCII);
                    if (i < rtf.length && rtf[i] == ' ') {
                        i++; // the delimiter belongs to the control word
                    }
                    if (depth >= skipFrom) {
                        continue;
                    }
                    if (SKIPPED.contains(word)) {
                        skipFrom = depth;
                    } else if (word.equals("par") || word.equals("line") || word.equals("sect")) {
                        text.append('\n');
                    } else if (word.equals("tab")) {
                        text.append('\t');
                    } else if (word.equals("uc") && !number.isEmpty()) {
                        unicodeSkip = Integer.parseInt(number);
                    } else if (word.equals("u") && !number.isEmpty()) {
                        int code = Integer.parseInt(number);
                        text.append((char) (code < 0 ? code + 65536 : code));
                        pendingSkip = unicodeSkip;
                    } else if (word.equals("emdash")) {
                        text.append('\u2014');
                    } else if (word.equals("endash")) {
                        text.append('\u2013');
                    } else if (word.equals("bullet")) {
                        text.append('\u2022');
                    } else if (word.equals("lquote") || word.equals("rquote")) {
                        text.append('\'');
                    } else if (word.equals("ldblquote") || word.equals("rdblquote")) {
                        text.append('"');
                    }
                } else if (next == '*') {
                    skipFrom = Math.min(skipFrom, depth);
                    i++;
                } else if (next == '\'' && i + 2 < rtf.length) {
                    String hex = new String(rtf, i + 1, 2, java.nio.charset.StandardCharsets.US_ASCII);
                    i += 3;
                    if (depth < skipFrom && !consumeFallback(pendingSkip)) {
                        try {
                            text.append(new String(new byte[] { (byte) Integer.parseInt(hex, 16) }, codePage));
                        } catch (NumberFormatException e) {
                            // not a hex escape: ignore it
                        }
                    } else if (pendingSkip > 0) {
                        pendingSkip--;
                    }
                } else {
                    if (depth < skipFrom && (next == '\\' || next == '{' || next == '}')) {
                        text.append(next);
                    } else if (depth < skipFrom && next == '~') {
                        text.append('\u00a0');
                    }
                    i++;
                }
            } else {
                i++;
                if (c == '\r' || c == '\n') {
                    continue;
                }
                if (pendingSkip > 0) {
                    pendingSkip--;
                    continue;
                }
                if (depth < skipFrom) {
                    text.append(c);
                }
            }
        }
        return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean consumeFallback(int pending) {
        return pending > 0;
    }
}
