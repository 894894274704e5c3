package org.fenestra.wim.windows;

import java.io.IOException;
import java.nio.file.Path;

import org.fenestra.wim.WimImage;
import org.fenestra.wim.internal.windows.DirectoryTree;
import org.fenestra.wim.internal.windows.WindowsInspector;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;

/**
 * Reads what a Windows tree says about itself ({@link WindowsFacts}) from its hives and
 * kernel32.dll, the way wimlib fills a WIM's {@code <WINDOWS>} element.
 *
 * @since 0.1
 */
public final class WindowsTrees {

    private WindowsTrees() {
    }

    /**
     * The facts of an image inside a WIM, read straight from its blobs (nothing is extracted).
     *
     * @param progress polled for cancellation while blobs are read
     * @throws IOException only when the WIM itself cannot be read; damaged files give warnings
     */
    public static WindowsFacts facts(WimImage image, WimProgress progress) throws IOException {
        return WindowsInspector.inspect(new ImageTree(image, progress));
    }

    /** The facts of a Windows tree on disk. */
    public static WindowsFacts facts(Path root) throws IOException {
        return WindowsInspector.inspect(new DirectoryTree(root));
    }
}
