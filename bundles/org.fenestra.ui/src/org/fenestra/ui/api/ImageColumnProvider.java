package org.fenestra.ui.api;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A column of the Operating System Images view, contributed through
 * {@code org.fenestra.ui.imageColumns}, for facts another bundle owns (e.g. the scheduled
 * updates of servicing). One instance serves one view.
 *
 * @since 0.1
 */
public interface ImageColumnProvider {

    /**
     * Reads this column's values for {@code images}, off the UI thread, each time the view reads
     * the catalog; {@link #text} is then called on the UI thread for the rows shown. Throwing
     * leaves the column's previous values and logs the error.
     */
    void load(List<ImageSummary> images, IProgressMonitor monitor) throws Exception;

    /** The cell's text for {@code image}, from the values the last {@link #load} read (UI thread). */
    String text(ImageSummary image);

    /** Ascending order of this column's values; by default its text, ignoring case. */
    default Comparator<ImageSummary> order() {
        return Comparator.comparing(this::text, String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * Called once when the view creates the column: {@code reloadView} (callable from any thread)
     * makes the view read the catalog and every column again, e.g. while a value is changing.
     */
    default void attach(Runnable reloadView) {
    }

    /** Called when the view closes, to release what {@link #attach} started. */
    default void dispose() {
    }
}
