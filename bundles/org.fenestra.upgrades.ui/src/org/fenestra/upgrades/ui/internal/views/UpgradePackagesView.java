package org.fenestra.upgrades.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;
import org.fenestra.ui.api.UiThread;
import org.fenestra.upgrades.ui.internal.UpgradeServices;
import org.fenestra.upgrades.ui.internal.wizard.AddUpgradePackageWizard;

/**
 * The Operating System Upgrade Packages view (Software Library › Operating Systems): the packages with
 * the OS Images view's columns that fit a setup media folder, servicing's Scheduled Updates columns and
 * its Schedule Updates and Cancel Scheduled Updates actions, and Add, Remove and Refresh. The catalog is
 * read in a job; the status line says what was done or why it failed.
 */
public final class UpgradePackagesView extends ViewPart {

    public static final String ID = "org.fenestra.upgrades.ui.views.upgradePackages";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private TableViewer viewer;
    private Label status;
    private List<ServicingContributions.Column> servicingColumns = List.of();
    private final List<SelectionAction> selectionActions = new ArrayList<>();
    private Action addAction;

    /** What a package is to servicing's columns and actions: a servicing target, by its ID. */
    static ImageSummary summaryOf(UpgradePackageRecord upgrade) {
        return new ImageSummary(upgrade.id(), upgrade.name(), upgrade.version(), upgrade.osVersion(),
                upgrade.architecture().name().toLowerCase(Locale.ROOT), upgrade.language(), upgrade.installWimBytes(),
                upgrade.imageIndex(), upgrade.dateAdded());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        viewer = Tables.create(root, SWT.MULTI);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.addColumn(viewer, "Name", 220, UpgradePackageRecord.class, UpgradePackageRecord::name);
        Tables.addColumn(viewer, "Version", 80, UpgradePackageRecord.class, UpgradePackageRecord::version);
        Tables.addColumn(viewer, "OS Version", 120, UpgradePackageRecord.class, UpgradePackageRecord::osVersion);
        Tables.addColumn(viewer, "Architecture", 90, UpgradePackageRecord.class,
                upgrade -> upgrade.architecture().name().toLowerCase(Locale.ROOT));
        Tables.addColumn(viewer, "Language", 80, UpgradePackageRecord.class, UpgradePackageRecord::language);
        Tables.addColumn(viewer, "Size", 90, UpgradePackageRecord.class, upgrade -> ByteSize.text(upgrade.folderBytes()));
        Tables.addColumn(viewer, "Image Index", 90, UpgradePackageRecord.class, upgrade -> Integer.toString(upgrade.imageIndex()));
        servicingColumns = ServicingContributions.columns();
        for (ServicingContributions.Column column : servicingColumns) {
            Tables.addColumn(viewer, column.title(), column.width(), UpgradePackageRecord.class,
                    upgrade -> column.provider().text(summaryOf(upgrade)));
            column.provider().attach(this::reload);
        }
        Tables.addColumn(viewer, "Date Added", 150, UpgradePackageRecord.class, upgrade -> DATE_TIME.format(upgrade.dateAdded()));
        Tables.addColumn(viewer, "Content Version", 110, UpgradePackageRecord.class,
                upgrade -> Integer.toString(upgrade.contentVersion()));
        Tables.addColumn(viewer, "Source Path", 260, UpgradePackageRecord.class, UpgradePackageRecord::sourcePath);
        viewer.setInput(List.of());
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        createActions();
        getSite().setSelectionProvider(viewer);
        viewer.addSelectionChangedListener(event -> enableActions());
        enableActions();
        reload();
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        addAction = new Action("Add Operating System Upgrade Package") {
            @Override
            public void run() {
                WizardDialog dialog = new WizardDialog(getSite().getShell(), new AddUpgradePackageWizard(added -> {
                    UiThread.updateLater(viewer.getControl(), () -> status.setText("Added " + added.id() + " \""
                            + added.name() + "\""));
                    reload();
                }, reason -> UiThread.updateLater(viewer.getControl(), () -> {
                    status.setText("Adding the upgrade package failed: " + reason);
                    MessageDialog.openError(getSite().getShell(), AddUpgradePackageWizard.TITLE, reason);
                })));
                dialog.open();
            }
        };
        addAction.setToolTipText("Copy a Windows setup media folder (local or UNC) into the site and add it");
        toolbar.add(addAction);
        selectionActions.add(new SelectionAction("Remove", "Remove the selected package and its copied folder", true) {
            @Override
            public void run() {
                remove(selected());
            }
        });
        selectionActions.add(new SelectionAction("Properties", "General, Servicing and Installed Updates of the selected package",
                true) {
            @Override
            public void run() {
                if (new PackagePropertiesDialog(getSite().getShell(), selected().get(0)).open() == Window.OK) {
                    reload(); // a new name, version or comment
                }
            }
        });
        for (ServicingContributions.Action contributed : ServicingContributions.actions()) {
            selectionActions.add(new SelectionAction(contributed.label(), contributed.tooltip(), contributed.singleSelection()) {
                @Override
                public void run() {
                    contributed.action().run(getSite().getShell(), selected().stream().map(UpgradePackagesView::summaryOf).toList());
                    reload();
                }

                @Override
                boolean enabledFor(List<UpgradePackageRecord> selection) {
                    return super.enabledFor(selection) && (!contributed.checksEnablement()
                            || contributed.action().enabledFor(selection.stream().map(UpgradePackagesView::summaryOf).toList()));
                }
            });
        }
        selectionActions.forEach(toolbar::add);
        toolbar.add(new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        });
        getViewSite().getActionBars().updateActionBars();
    }

    /** An action on the selected packages: one, or at least one. */
    private abstract static class SelectionAction extends Action {
        private final boolean single;

        SelectionAction(String label, String tooltip, boolean single) {
            super(label);
            setToolTipText(tooltip);
            this.single = single;
        }

        boolean enabledFor(List<UpgradePackageRecord> selection) {
            return single ? selection.size() == 1 : !selection.isEmpty();
        }
    }

    private void enableActions() {
        List<UpgradePackageRecord> selection = selected();
        selectionActions.forEach(action -> action.setEnabled(action.enabledFor(selection)));
    }

    private List<UpgradePackageRecord> selected() {
        List<UpgradePackageRecord> rows = new ArrayList<>();
        for (Object row : ((IStructuredSelection) viewer.getSelection()).toList()) {
            rows.add((UpgradePackageRecord) row);
        }
        return rows;
    }

    private void remove(List<UpgradePackageRecord> selection) {
        if (selection.size() != 1) {
            return;
        }
        UpgradePackageRecord upgrade = selection.get(0);
        if (!MessageDialog.openConfirm(getSite().getShell(), "Remove Upgrade Package", "Remove \"" + upgrade.name()
                + "\" and delete its copied folder " + upgrade.storedFolder() + "? The source media are not touched.")) {
            return;
        }
        Job job = Job.create("Remove " + upgrade.name(), monitor -> {
            try {
                UpgradeServices.importer(monitor).remove(upgrade.id());
                show("Removed " + upgrade.id() + " \"" + upgrade.name() + "\"");
            } catch (CatalogException e) {
                show("Removing " + upgrade.name() + " failed: " + e.getMessage());
            }
            reload();
        });
        job.setUser(true);
        job.schedule();
    }

    /** Reads the packages and servicing's column values in a job, then shows them. Callable from any thread. */
    public void reload() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Job load = new Job("Read the OS upgrade packages") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<UpgradePackageRecord> packages = UpgradeServices.catalog(monitor).upgradePackages();
                    List<ImageSummary> summaries = packages.stream().map(UpgradePackagesView::summaryOf).toList();
                    for (ServicingContributions.Column column : servicingColumns) {
                        try {
                            column.provider().load(summaries, monitor);
                        } catch (Exception e) {
                            System.getLogger(UpgradePackagesView.class.getName()).log(System.Logger.Level.WARNING,
                                    column.title() + ": " + e.getMessage());
                        }
                    }
                    UiThread.updateLater(viewer.getControl(), () -> {
                        viewer.setInput(packages);
                        enableActions();
                    });
                } catch (CatalogException e) {
                    show("Reading the OS upgrade packages failed: " + e.getMessage());
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == UpgradePackagesView.this;
            }
        };
        load.setSystem(true);
        load.schedule();
    }

    private void show(String text) {
        UiThread.updateLater(status, () -> {
            status.setText(text);
            status.getParent().layout();
        });
    }

    /** The rows shown, for tests. */
    @SuppressWarnings("unchecked")
    List<UpgradePackageRecord> rows() {
        Object input = viewer.getInput();
        return input == null ? List.of() : (List<UpgradePackageRecord>) input;
    }

    TableViewer viewer() {
        return viewer;
    }

    Action addAction() {
        return addAction;
    }

    String statusText() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Job.getJobManager().cancel(this);
        servicingColumns.forEach(column -> column.provider().dispose());
        super.dispose();
    }
}
