package org.fenestra.wim.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files a capture leaves out, in wimlib's capture configuration syntax: sections
 * {@code [ExclusionList]} and {@code [ExclusionException]} list one pattern per line; blank
 * lines and lines starting with {@code ;} or {@code #} are ignored; surrounding quotes are
 * removed; other sections ({@code [PrepopulateList]}, {@code [CompressionExclusionList]}, ...)
 * are read and ignored. A pattern starting with a path separator is anchored at the capture
 * root ({@code /dir/*.tmp}); one without a separator matches a file name at any depth
 * ({@code *.log}); {@code *} and {@code ?} are wildcards within one component; a matched
 * directory is excluded with everything below it, unless an exception matches. Patterns are
 * case-sensitive as wimlib's are on UNIX, unless {@code ignoreCase} (wimlib-imagex's
 * {@code WIMLIB_IMAGEX_IGNORE_CASE}: ASCII letters only, as wimlib compares bytes). A drive
 * letter prefix ({@code C:\}) is dropped.
 *
 * @param exclusions patterns of files to leave out
 * @param exceptions patterns of files to keep although an exclusion matches them (or their
 *                   ancestors)
 * @param ignoreCase match letters regardless of case
 *
 * @since 0.1
 */
public record CaptureConfig(List<String> exclusions, List<String> exceptions, boolean ignoreCase) {

    /** Leaves nothing out. */
    public static final CaptureConfig NONE = new CaptureConfig(List.of(), List.of());

    /**
     * What wimlib-imagex's capture, append and update leave out without {@code --config}: the
     * files of a Windows volume that are not part of its operating system (paging and
     * hibernation files, restore points, recycle bins, offline files cache).
     */
    public static final CaptureConfig WINDOWS_DEFAULT = new CaptureConfig(List.of("/$ntfs.log", "/hiberfil.sys",
            "/pagefile.sys", "/swapfile.sys", "/System Volume Information", "/RECYCLER", "/$RECYCLE.BIN",
            "/$Recycle.Bin", "/Windows/CSC"), List.of());

    public CaptureConfig {
        exclusions = List.copyOf(exclusions);
        exceptions = List.copyOf(exceptions);
    }

    public CaptureConfig(List<String> exclusions, List<String> exceptions) {
        this(exclusions, exceptions, false);
    }

    public CaptureConfig withIgnoreCase(boolean ignore) {
        return new CaptureConfig(exclusions, exceptions, ignore);
    }

    /** Reads a configuration file (UTF-8, or UTF-16LE with a byte order mark). */
    public static CaptureConfig read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = raw.length >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE
                ? new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16LE)
                : new String(raw, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    /** Parses configuration text; {@code where} names it in error messages. */
    public static CaptureConfig parse(String text, String where) throws IOException {
        List<String> exclusions = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        List<String> current = null;
        boolean inSection = false;
        int lineNo = 0;
        for (String line : text.replace("\uFEFF", "").split("\r?\n|\r")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith(";") || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                String section = l.substring(1, l.length() - 1).strip();
                inSection = true;
                current = switch (section) {
                    case "ExclusionList" -> exclusions;
                    case "ExclusionException" -> exceptions;
                    default -> null;
                };
                continue;
            }
            if (!inSection) {
                throw new IOException(where + ":" + lineNo + ": line \"" + l + "\" is not in a section such as [ExclusionList]");
            }
            if (current == null) {
                continue;
            }
            if (l.length() >= 2 && (l.charAt(0) == '"' || l.charAt(0) == '\'') && l.charAt(l.length() - 1) == l.charAt(0)) {
                l = l.substring(1, l.length() - 1);
            }
            current.add(canonicalPattern(l, where, lineNo));
        }
        return new CaptureConfig(exclusions, exceptions);
    }

    /** Drops a drive letter, turns both separators into '/', collapses repeats; relative patterns are one component. */
    private static String canonicalPattern(String pat, String where, int lineNo) throws IOException {
        String p = pat;
        if (p.length() >= 2 && p.charAt(1) == ':' && p.charAt(0) != '/' && p.charAt(0) != '\\') {
            if (p.length() < 3 || (p.charAt(2) != '/' && p.charAt(2) != '\\')) {
                throw new IOException(where + ":" + lineNo + ": pattern \"" + pat
                        + "\" has a drive letter but is not absolute");
            }
            p = p.substring(2);
        }
        p = p.replace('\\', '/').replaceAll("/{2,}", "/");
        if (!p.startsWith("/") && p.indexOf('/') >= 0) {
            throw new IOException(where + ":" + lineNo + ": relative pattern \"" + pat
                    + "\" can only have one path component; maybe \"/" + p + "\"?");
        }
        return p;
    }
}
