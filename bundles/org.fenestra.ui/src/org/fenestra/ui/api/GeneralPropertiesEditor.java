package org.fenestra.ui.api;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.GeneralProperties;

/**
 * The name, version and comment of a catalog record (an OS image, an OS upgrade package) edited on a
 * General tab and saved when its dialog's OK is pressed: off the UI thread with a busy cursor (the
 * event loop keeps running while the catalog saves), and a refused save (a blank name, a name taken,
 * the catalog unreachable) keeps the dialog open with the reason under the form.
 *
 * @since 0.2
 */
public final class GeneralPropertiesEditor {

    /** Saves the edited properties in the catalog; runs off the UI thread. */
    @FunctionalInterface
    public interface Save {
        void save(GeneralProperties edited, IProgressMonitor monitor) throws CatalogException;
    }

    private final Text name;
    private final Text version;
    private final Text comment;
    private final String nameRequired;
    private GeneralProperties saved;
    private Label problem;

    /**
     * Adds the three rows to {@code grid} (a two-column form).
     *
     * @param labels       the rows' labels: name, version, comment
     * @param nameRequired what a blank name is refused with
     */
    public GeneralPropertiesEditor(Composite grid, String[] labels, GeneralProperties current, String nameRequired) {
        this.saved = current;
        this.nameRequired = nameRequired;
        name = FormRows.edited(grid, labels[0], current.name(), SWT.SINGLE);
        version = FormRows.edited(grid, labels[1], current.version(), SWT.SINGLE);
        comment = FormRows.edited(grid, labels[2], current.comment(), SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) comment.getLayoutData()).heightHint = comment.getLineHeight() * 3;
    }

    /** Adds the line a refusal is shown on, spanning {@code columns} of {@code parent}. */
    public void addProblemLine(Composite parent, int columns) {
        problem = new Label(parent, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData wrapped = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        wrapped.widthHint = 300; // wrap at the dialog's width instead of widening it
        problem.setLayoutData(wrapped);
    }

    /**
     * Saves what was edited, when anything was; call from the dialog's OK on the UI thread.
     *
     * @return false, with the reason shown, when the save was refused: the dialog stays open
     */
    public boolean save(Save save) {
        GeneralProperties edited;
        try {
            edited = new GeneralProperties(name.getText().strip(), version.getText().strip(), comment.getText().strip());
        } catch (IllegalArgumentException e) {
            return refuse(nameRequired);
        }
        if (edited.equals(saved)) {
            return true;
        }
        AtomicReference<CatalogException> refused = new AtomicReference<>();
        try {
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(monitor -> {
                try {
                    save.save(edited, monitor);
                } catch (CatalogException e) {
                    refused.set(e);
                }
            });
        } catch (InvocationTargetException e) {
            return refuse(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (refused.get() != null) {
            return refuse(refused.get().getMessage());
        }
        saved = edited;
        return true;
    }

    /** The message shown when a save was refused; empty when none was. */
    public String problem() {
        return problem == null ? "" : problem.getText();
    }

    /** The name, version and comment fields. */
    public Text[] fields() {
        return new Text[] {name, version, comment};
    }

    private boolean refuse(String reason) {
        if (problem != null) {
            problem.setText(reason);
            Shell shell = problem.getShell();
            int needed = shell.computeSize(shell.getSize().x, SWT.DEFAULT, true).y;
            if (needed > shell.getSize().y) {
                shell.setSize(shell.getSize().x, needed);
            }
            shell.layout(true, true);
        }
        name.setFocus();
        return false;
    }
}
