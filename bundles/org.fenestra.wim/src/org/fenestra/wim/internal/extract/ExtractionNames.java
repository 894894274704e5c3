package org.fenestra.wim.internal.extract;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.fenestra.wim.internal.format.Utf16;

/**
 * Decides the file name an image entry gets on a UNIX file system. A name that contains '/'
 * or NUL, is "." or "..", or cannot be encoded (unpaired UTF-16 surrogate) is invalid: it is
 * skipped, or renamed when asked. The resolved path must stay inside the target directory.
 */
final class ExtractionNames {
    private int invalidSequence;

    /** The name to use, or null to skip the entry. */
    String nameFor(String wimName, boolean replaceInvalid) {
        if (valid(wimName)) {
            return wimName;
        }
        if (!replaceInvalid) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wimName.length(); i++) {
            char c = wimName.charAt(i);
            boolean unpaired = Character.isSurrogate(c) && !pairedAt(wimName, i);
            if (Character.isHighSurrogate(c) && !unpaired) {
                sb.append(c).append(wimName.charAt(++i));
                continue;
            }
            sb.append(c == '/' || c == '\0' || unpaired ? '?' : c);
        }
        return sb.append(" (invalid filename #").append(++invalidSequence).append(')').toString();
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static boolean valid(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0 && !Utf16.hasUnpairedSurrogate(name);
    }

    /** {@code parent/name}, refusing anything that would not be a direct child of {@code parent}. */
    static Path child(Path parent, String name) {
        Path p;
        try {
            p = parent.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
        if (!p.normalize().getParent().equals(parent.normalize()) || p.getFileName() == null
                || !p.getFileName().toString().equals(name)) {
            return null;
        }
        return p;
    }
}
