package org.fenestra.ui.internal.properties;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;

/** The General tab: the image's identity and what was read from its WIM. Read-only for now. */
public final class GeneralPropertyTab implements ImagePropertyTab {

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        field(page, "Image ID:", image.id());
        field(page, "Name:", image.name());
        field(page, "Version:", image.version());
        field(page, "OS version:", image.osVersion());
        field(page, "Architecture:", image.architecture());
        field(page, "Language:", image.language());
        field(page, "Image index:", Integer.toString(image.imageIndex()));
        field(page, "Date added:", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withZone(ZoneId.systemDefault()).format(image.dateAdded()));
        return page;
    }

    private static void field(Composite page, String label, String value) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.READ_ONLY | SWT.BORDER);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }
}
