package org.fenestra.servicing.ui.internal;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Hands a Job's result to the UI thread, for a control that may be gone by then. */
public final class UiUpdates {

    private UiUpdates() {
    }

    /** Runs {@code update} on the control's UI thread if the control still exists then; callable from any thread. */
    public static void later(Control control, Runnable update) {
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
