package org.fenestra.ui.api;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * One tab of an OS image's Properties dialog, contributed through
 * {@code org.fenestra.ui.imagePropertyTabs}. A new instance serves each dialog.
 *
 * @since 0.1
 */
public interface ImagePropertyTab {

    /** Creates the tab's controls for {@code image} inside {@code parent} and returns the top control. */
    Control createContents(Composite parent, ImageSummary image);

    /** Called when the admin presses OK; {@code false} keeps the dialog open (e.g. invalid input). */
    default boolean performOk() {
        return true;
    }
}
