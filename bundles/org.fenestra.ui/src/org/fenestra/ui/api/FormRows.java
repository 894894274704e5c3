package org.fenestra.ui.api;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The rows of a two-column form (a Properties tab, a summary): a label, then its value, read-only
 * (selectable, so it can be copied) or edited.
 *
 * @since 0.2
 */
public final class FormRows {

    private FormRows() {
    }

    /** A label and a read-only value filling the second column. */
    public static Text readOnly(Composite grid, String label, String value) {
        return row(grid, label, value, SWT.READ_ONLY);
    }

    /** A label and an edited field filling the second column; {@code style}: {@code SWT.SINGLE}, or {@code SWT.MULTI} and the like. */
    public static Text edited(Composite grid, String label, String value, int style) {
        return row(grid, label, value, SWT.BORDER | style);
    }

    private static Text row(Composite grid, String label, String value, int style) {
        new Label(grid, SWT.NONE).setText(label);
        Text text = new Text(grid, style);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }
}
