package org.fenestra.ui.internal.addimage;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * General: name (default: the file name without extension; unique), version and comment. The
 * name is checked against the catalog as it is typed (in a job, once typing pauses), so a
 * taken name is reported here rather than after the import starts.
 */
final class GeneralPage extends WizardPage {

    private final AddImageSettings settings;
    private Text name;
    private Text version;
    private Text comment;
    private String defaultedFor;
    private NameCheckJob nameCheck;
    /** The name last checked and the id of the image holding it ("" when it is free); null before a check. */
    private String checkedName;
    private String holder;

    GeneralPage(AddImageSettings settings) {
        super("general", Messages.General_pageTitle, null);
        this.settings = settings;
        setDescription(Messages.General_pageDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        name = field(page, Messages.General_name, SWT.BORDER);
        version = field(page, Messages.General_version, SWT.BORDER);
        comment = field(page, Messages.General_comment, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = 80;
        nameCheck = new NameCheckJob(page);
        name.addListener(SWT.Modify, event -> {
            nameCheck.check(name.getText().strip());
            validate();
        });
        version.addListener(SWT.Modify, event -> validate());
        comment.addListener(SWT.Modify, event -> validate());
        setControl(page);
    }

    private static Text field(Composite page, String label, int style) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, style);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible && !settings.sourcePath.equals(defaultedFor)) {
            // A new source gets a new default name, unless the admin typed one for it.
            // the last name of a local or UNC path (\\server\share\dir\install.wim)
            String source = settings.sourcePath;
            String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
            int dot = file.lastIndexOf('.');
            name.setText(dot > 0 ? file.substring(0, dot) : file);
            defaultedFor = settings.sourcePath;
        }
        super.setVisible(visible);
        validate();
    }

    /** Whether the name typed has been checked against the catalog (for tests). */
    boolean isNameChecked() {
        return name.getText().strip().equals(checkedName);
    }

    private void validate() {
        String typed = name.getText().strip();
        String problem = null;
        if (typed.isEmpty()) {
            problem = Messages.General_needsName;
        } else if (typed.equals(checkedName) && !holder.isEmpty()) {
            problem = Messages.bind(Messages.General_nameTaken, typed, holder);
        }
        setErrorMessage(problem);
        settings.name = typed;
        settings.version = version.getText().strip();
        settings.comment = comment.getText();
        setPageComplete(problem == null);
    }

    private void checked(String checked, String holderId) {
        checkedName = checked;
        holder = holderId;
        validate();
    }

    /** Looks the typed name up in the catalog; the newest request wins. */
    private final class NameCheckJob extends Job {
        private final Composite page;
        private volatile String next;

        NameCheckJob(Composite page) {
            super(Messages.General_nameCheckJob);
            this.page = page;
            setSystem(true);
        }

        void check(String candidate) {
            next = candidate;
            if (!candidate.isEmpty()) {
                schedule(250);
            }
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            String candidate = next;
            String holderId;
            try {
                Optional<OsImageRecord> existing = WorkbenchServices.of().requireCatalog().findByName(candidate);
                holderId = existing.map(OsImageRecord::id).orElse("");
            } catch (CatalogException e) {
                holderId = ""; // the import checks again and reports the catalog's problem
            }
            String found = holderId;
            UiThread.updateLater(page, () -> checked(candidate, found));
            return Status.OK_STATUS;
        }

        @Override
        public boolean shouldRun() {
            return !page.isDisposed();
        }
    }
}
