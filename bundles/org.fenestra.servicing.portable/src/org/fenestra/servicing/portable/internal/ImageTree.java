package org.fenestra.servicing.portable.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimImage;

/**
 * An image's paths as a package's operations see them: compared ignoring case, as Windows does
 * (the engine's own lookup is case-sensitive), with the operations planned so far in this package
 * counted (a file added by one operation can be replaced by the next).
 */
final class ImageTree {

    /** A path's state once planned operations are counted. */
    enum Kind {
        MISSING, FILE, DIRECTORY
    }

    private final WimImage image;
    /** Planned changes by lower-cased path: what the path is after them, and its spelling in the image. */
    private final Map<String, Planned> planned = new TreeMap<>();

    private record Planned(Kind kind, String spelling) {
    }

    ImageTree(WimImage image) {
        this.image = image;
    }

    Kind kind(String path) {
        Planned change = planned.get(key(path));
        if (change != null) {
            return change.kind();
        }
        WimEntry entry = find(path);
        return entry == null ? Kind.MISSING : entry.isDirectory() ? Kind.DIRECTORY : Kind.FILE;
    }

    /** Whether a directory has entries (in the image, less those planned away, plus those planned in). */
    boolean hasChildren(String directory) {
        String prefix = key(directory) + "/";
        for (Map.Entry<String, Planned> change : planned.entrySet()) {
            if (change.getKey().startsWith(prefix) && change.getValue().kind() != Kind.MISSING) {
                return true;
            }
        }
        WimEntry entry = find(directory);
        if (entry == null) {
            return false;
        }
        return entry.children().stream()
                .anyMatch(child -> kind(directory + "/" + child.name()) != Kind.MISSING);
    }

    /**
     * {@code path} spelled as the image spells its existing parts (so an add below
     * {@code program files/} lands in {@code Program Files/} rather than beside it).
     */
    String spelling(String path) {
        String[] parts = path.split("/");
        List<String> spelled = new ArrayList<>();
        WimEntry at = image.root();
        for (String part : parts) {
            String sofar = String.join("/", spelled) + (spelled.isEmpty() ? "" : "/") + part;
            Planned change = planned.get(key(sofar));
            WimEntry child = at == null ? null : child(at, part);
            if (change != null && change.kind() != Kind.MISSING) {
                spelled.add(last(change.spelling()));
            } else if (child != null) {
                spelled.add(child.name());
            } else {
                spelled.add(part);
            }
            at = child;
        }
        return String.join("/", spelled);
    }

    void plan(String path, Kind kind) {
        planned.put(key(path), new Planned(kind, spelling(path)));
        if (kind != Kind.MISSING) { // an added file's missing parents become directories
            int slash = path.lastIndexOf('/');
            if (slash > 0 && kind(path.substring(0, slash)) == Kind.MISSING) {
                plan(path.substring(0, slash), Kind.DIRECTORY);
            }
        }
    }

    /** The image's entry at {@code path}, ignoring case; null when there is none. */
    WimEntry find(String path) {
        WimEntry at = image.root();
        for (String part : path.split("/")) {
            if (at == null || !at.isDirectory()) {
                return null;
            }
            at = child(at, part);
        }
        return at;
    }

    private static WimEntry child(WimEntry directory, String name) {
        if (!directory.isDirectory()) {
            return null;
        }
        for (WimEntry child : directory.children()) {
            if (child.name().equalsIgnoreCase(name)) {
                return child;
            }
        }
        return null;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
