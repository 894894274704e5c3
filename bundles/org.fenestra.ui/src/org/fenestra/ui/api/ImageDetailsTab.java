package org.fenestra.ui.api;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A tab of the details pane under the Operating System Images view's table, contributed
 * through {@code org.fenestra.ui.imageDetailsTabs}. One instance serves one view.
 *
 * @since 0.1
 */
public interface ImageDetailsTab {

    /** Creates the tab's controls inside {@code parent} and returns the top control (UI thread). */
    Control createContents(Composite parent);

    /**
     * Shows facts about the images selected in the view (may be empty), on the UI thread, each time
     * the selection or the catalog changes. Reading a catalog or a file belongs in a {@code Job}.
     */
    void show(List<ImageSummary> selection);

    /** Called when the view closes. */
    default void dispose() {
    }
}
