package org.fenestra.ui.internal.services;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Hands a background job's result to the UI thread, for a control that may be gone by then. */
public final class UiJobs {

    private UiJobs() {
    }

    /**
     * Runs {@code update} on {@code control}'s UI thread if the control still exists then; does
     * nothing once the control or the display is disposed (a view closed, the workbench exiting).
     */
    public static void updateLater(Display display, Control control, Runnable update) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!control.isDisposed()) {
                    update.run();
                }
            });
        } catch (SWTException e) {
            // the display was disposed between the check and the call: nothing left to update
        }
    }
}
