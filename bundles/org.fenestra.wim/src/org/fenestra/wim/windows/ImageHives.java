package org.fenestra.wim.windows;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.fenestra.registry.Hive;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.internal.windows.HiveFiles;
import org.fenestra.wim.internal.windows.TreeNode;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;

/**
 * Registry hives of an image inside a WIM, read into memory straight from their blobs (nothing is
 * extracted; at most {@link WindowsFacts#MAX_FILE_BYTES}). A dirty hive is brought up to date
 * from its {@code .LOG1}/{@code .LOG2} beside it.
 *
 * @since 0.1
 */
public final class ImageHives {

    /** The hives Windows keeps at fixed places, by the names admins use. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "SOFTWARE", "Windows/System32/config/SOFTWARE",
            "SYSTEM", "Windows/System32/config/SYSTEM",
            "DEFAULT", "Windows/System32/config/DEFAULT",
            "SAM", "Windows/System32/config/SAM",
            "SECURITY", "Windows/System32/config/SECURITY",
            "COMPONENTS", "Windows/System32/config/COMPONENTS",
            "NTUSER", "Users/Default/NTUSER.DAT");

    private ImageHives() {
    }

    /**
     * The path in the image of {@code hive}: a well-known name ({@code SOFTWARE}, {@code SYSTEM},
     * {@code DEFAULT}, {@code NTUSER}, {@code SAM}, {@code SECURITY}, {@code COMPONENTS}, any case)
     * or a path in the image, {@code /} or {@code \} separated.
     */
    public static String pathOf(String hive) {
        String known = WELL_KNOWN.get(hive.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String path = hive.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }

    /**
     * Reads a hive of the image.
     *
     * @throws PathNotFoundException if the image has no file there (names compared ignoring case)
     * @throws org.fenestra.registry.HiveException if the file is no usable hive
     * @throws IOException if the file is too large or damaged in the WIM, or the WIM cannot be read
     */
    public static Hive read(WimImage image, String hive, WimProgress progress) throws IOException {
        String path = pathOf(hive);
        TreeNode folder = null;
        TreeNode node = new ImageTree(image, progress);
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            folder = node;
            node = node.isDirectory() ? node.child(name) : null;
            if (node == null) {
                throw new PathNotFoundException("the image has no file " + path);
            }
        }
        if (folder == null || node.isDirectory()) {
            throw new PathNotFoundException(path + " in the image is a directory, not a hive");
        }
        return HiveFiles.open(node, folder, WindowsFacts.MAX_FILE_BYTES);
    }
}
