package org.fenestra.ui.internal.app;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Preferences › Site: where this installation keeps its catalog, data and logs. Read-only for
 * now (they are set at start, by {@code fenestra.data} and {@code fenestra.catalog.url});
 * the site settings of the coming features (servicing, distribution) are added here.
 */
public final class SitePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.fenestra.ui.preferences.site";

    @Override
    public void init(IWorkbench workbench) {
        setDescription(Messages.Preferences_siteDescription);
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        field(page, Messages.Preferences_catalog, SiteFolders.catalogLocation(WorkbenchServices.of()));
        field(page, Messages.Preferences_dataFolder, SiteFolders.dataFolder().toString());
        field(page, Messages.Preferences_logFolder, SiteFolders.logFolder().toString());
        Label note = new Label(page, SWT.WRAP);
        note.setText(Messages.Preferences_siteNote);
        GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        noteData.widthHint = 400;
        noteData.verticalIndent = 12;
        note.setLayoutData(noteData);
        return page;
    }

    private static void field(Composite page, String label, String value) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.READ_ONLY | SWT.BORDER);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }
}
