package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.model.CaptureSource;

/**
 * The file of {@code capture}/{@code append --source-list}, read as wimlib-imagex reads it:
 * encoding guessed as for any wimlib text file; a line is {@code SOURCE [TARGET]}, each word
 * unquoted (up to whitespace) or in " or ' quotes; TARGET defaults to SOURCE; words after the
 * second are ignored; blank lines and lines starting with # or ; are skipped. wimlib 1.13 on
 * Linux takes the bytes as UTF-8 without looking for a BOM; 1.14 (followed here) decodes
 * UTF-16LE with or without BOM and UTF-8 with BOM too.
 */
final class SourceList {
    private SourceList() {
    }

    /** The sources listed in file {@code arg}, or on {@code in} when {@code arg} is "-". */
    static List<CaptureSource> read(String arg, InputStream in) throws IOException, CommandLine.UsageException {
        byte[] raw = arg.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(arg));
        List<CaptureSource> sources = new ArrayList<>();
        for (String line : WimTextFile.decode(raw).split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.charAt(0) == '#' || l.charAt(0) == ';') {
                continue;
            }
            int[] at = { 0 };
            String source = word(l, at);
            String target = word(l, at);
            sources.add(new CaptureSource(Path.of(source), target == null ? source : target));
        }
        return sources;
    }

    /** The next word of {@code line} from {@code at[0]}, or null at its end. */
    private static String word(String line, int[] at) throws CommandLine.UsageException {
        int i = at[0];
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length()) {
            return null;
        }
        char q = line.charAt(i);
        int end;
        String w;
        if (q == '"' || q == '\'') {
            end = line.indexOf(q, i + 1);
            if (end < 0) {
                throw new CommandLine.UsageException("Missing closing quote: " + line.substring(i));
            }
            w = line.substring(i + 1, end);
            end++;
        } else {
            end = i;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            w = line.substring(i, end);
        }
        at[0] = end;
        return w;
    }
}
