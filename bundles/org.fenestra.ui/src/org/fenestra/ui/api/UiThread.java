package org.fenestra.ui.api;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Hands a background job's result to the UI thread, for a control that may be gone by then.
 *
 * @since 0.1
 */
public final class UiThread {

    private UiThread() {
    }

    /**
     * Runs {@code update} on {@code control}'s UI thread if the control still exists then; does
     * nothing once the control or the display is disposed (a view or dialog closed, the
     * workbench exiting). Callable from any thread.
     */
    public static void updateLater(Control control, Runnable update) {
        try {
            Display display = control.getDisplay(); // throws once the control is disposed
            display.asyncExec(() -> {
                if (!control.isDisposed()) {
                    update.run();
                }
            });
        } catch (SWTException e) {
            // the control or its display was disposed: nothing left to update
        }
    }
}
