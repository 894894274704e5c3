package org.fenestra.ui.api;

import java.util.List;

import org.eclipse.swt.widgets.Shell;

/**
 * A command on OS images, contributed through {@code org.fenestra.ui.imageActions} and shown
 * on the toolbar of the Operating System Images view.
 *
 * @since 0.1
 */
public interface ImageAction {

    /**
     * Runs the action on the UI thread. Long work belongs in a {@code Job}.
     *
     * @param shell     parent for any dialog the action opens
     * @param selection the images selected in the view (empty for actions enabled without a selection)
     */
    void run(Shell shell, List<ImageSummary> selection);

    /**
     * Whether the action applies to {@code selection}, beyond what its {@code selection} attribute
     * says (e.g. Cancel only while an image is being serviced). Asked on the UI thread at each
     * selection change, and only when the contribution says {@code checksEnablement="true"}
     * (which creates the action when the view opens instead of on first use); keep it cheap.
     */
    default boolean enabledFor(List<ImageSummary> selection) {
        return true;
    }
}
