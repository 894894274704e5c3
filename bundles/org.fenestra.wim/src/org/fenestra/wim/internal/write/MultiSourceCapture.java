package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.util.List;

import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureSource;
import org.fenestra.wim.model.WimProgress;

/**
 * An image made of several sources, overlaid as wimlib's {@code wimlib_add_image_multisource}
 * does: each source is added in turn at its target below an empty root; directories merge, and
 * a file where another source already put a file replaces it (the last source listed wins, as
 * wimlib-imagex's manual says); a file where a directory is, or the reverse, fails.
 */
public final class MultiSourceCapture {
    private MultiSourceCapture() {
    }

    /** The tree of the image; {@code now}: the time of directories no source provides (the root, parents). */
    public static TreeDentry scan(List<CaptureSource> sources, CaptureConfig config, boolean rpfix, WimProgress progress,
            long now) throws IOException {
        TreeDentry root = TreeEditor.emptyDirectory("", now);
        TreeEditor editor = new TreeEditor(root, now);
        for (CaptureSource s : sources) {
            TreeDentry branch = new ImageCapture(config, rpfix, progress).scanBranch(s.source());
            editor.add(branch, s.target(), false);
        }
        return root;
    }
}
