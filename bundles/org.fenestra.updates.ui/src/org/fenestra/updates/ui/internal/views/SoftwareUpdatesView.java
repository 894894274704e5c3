package org.fenestra.updates.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuCreator;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.ui.api.ColumnSortOrder;
import org.fenestra.ui.api.Tables;
import org.fenestra.updates.api.DownloadResult;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateSource;
import org.fenestra.updates.ui.internal.UpdateTexts;
import org.fenestra.updates.ui.internal.UpdatesJob;
import org.fenestra.updates.ui.internal.UpdatesJob.Outcome;

/**
 * The Software Updates view (Software Library › Software Updates): the update sources above, the
 * catalog's updates below with a text filter, an architecture filter and sortable columns. Add
 * and Remove Update Source, Synchronize (every source, or one from the drop-down) and Download
 * (the selected updates) run the service in jobs that show progress and can be cancelled; what
 * they did, or why they failed, is written on the status line under the table.
 */
public final class SoftwareUpdatesView extends ViewPart {

    public static final String ID = "org.fenestra.updates.ui.views.softwareUpdates";

    /** The architecture filter's choices, in the combo's order; null is All. */
    private static final List<UpdateArchitecture> ARCHITECTURES = Arrays.asList(null, UpdateArchitecture.X86,
            UpdateArchitecture.X64, UpdateArchitecture.ARM64);
    /** Everything not expired: the view filters it as the admin types. */
    private static final UpdateFilter LOADED = new UpdateFilter("", null, true, false);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    /** What a load read. */
    private record Loaded(List<UpdateSource> sources, List<UpdatePackage> updates) {
    }

    private TableViewer sourcesViewer;
    private TableViewer updatesViewer;
    private Text filterText;
    private Combo architectureCombo;
    private Button showSuperseded;
    private Label status;
    private final ColumnSortOrder<UpdateColumn, UpdatePackage> order = new ColumnSortOrder<>(UpdatePackage.class,
            UpdateColumn.ARTICLE, UpdateColumn::order, Comparator.comparing(UpdatePackage::id));
    private List<UpdatePackage> loaded = List.of();
    private String lastOperation = "";
    private boolean lastOperationFailed;
    private UpdatesJob<Loaded> loadJob;
    private Action addSourceAction;
    private Action removeSourceAction;
    private SynchronizeAction synchronizeAction;
    private Action downloadAction;
    private Action refreshAction;

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createSources(sash);
        createUpdates(sash);
        sash.setWeights(25, 75);
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        createActions();
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        for (IAction action : actions()) {
            toolbar.add(action);
        }
        getViewSite().getActionBars().updateActionBars();
        getSite().setSelectionProvider(updatesViewer);
        updatesViewer.addSelectionChangedListener(event -> enableActions());
        sourcesViewer.addSelectionChangedListener(event -> enableActions());

        loadJob = new UpdatesJob<>("Read the software updates catalog", this, root,
                (updates, progress) -> new Loaded(updates.sources(), updates.list(LOADED)), this::showLoaded);
        loadJob.setSystem(true);
        enableActions();
        showStatus();
        reload();
    }

    private void createSources(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Update Sources");
        group.setLayout(new GridLayout(1, false));
        sourcesViewer = Tables.create(group, SWT.SINGLE);
        sourcesViewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.addColumn(sourcesViewer, "Name", 160, UpdateSource.class, UpdateSource::name);
        Tables.addColumn(sourcesViewer, "Path", 360, UpdateSource.class, UpdateSource::path);
        Tables.addColumn(sourcesViewer, "Last Synchronized", 160, UpdateSource.class,
                source -> source.lastSync() == null ? "never" : TIME.format(source.lastSync()));
        sourcesViewer.setInput(List.of());
    }

    private void createUpdates(Composite parent) {
        Composite updates = new Composite(parent, SWT.NONE);
        updates.setLayout(new GridLayout(4, false));
        filterText = new Text(updates, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage("Filter updates (article, title, classification, product, identity, file)");
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, event -> applyFilter());
        new Label(updates, SWT.NONE).setText("Architecture:");
        architectureCombo = new Combo(updates, SWT.READ_ONLY);
        architectureCombo.setItems("All", "X86", "X64", "ARM64");
        architectureCombo.select(0);
        architectureCombo.addListener(SWT.Selection, event -> applyFilter());
        showSuperseded = new Button(updates, SWT.CHECK);
        showSuperseded.setText("Show superseded");
        showSuperseded.addListener(SWT.Selection, event -> applyFilter());

        updatesViewer = Tables.create(updates, SWT.MULTI);
        Table table = updatesViewer.getTable();
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (UpdateColumn column : UpdateColumn.values()) {
            TableColumn tableColumn = Tables.addColumn(updatesViewer, column.title(), column.width(), UpdatePackage.class,
                    column::text);
            tableColumn.addListener(SWT.Selection, event -> sortBy(column));
        }
        updatesViewer.setComparator(order);
        updatesViewer.setFilters(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                return currentFilter().accepts((UpdatePackage) element);
            }
        });
        table.setSortColumn(table.getColumn(order.column().ordinal()));
        table.setSortDirection(order.swtDirection());
        updatesViewer.setInput(List.of());
    }

    private void createActions() {
        addSourceAction = action("Add Update Source...", "Add a folder (local or \\\\server\\share) of update packages",
                this::addSource);
        removeSourceAction = action("Remove Update Source", "Remove the selected update source and its packages not downloaded",
                this::removeSelectedSource);
        synchronizeAction = new SynchronizeAction();
        downloadAction = action("Download", "Copy the selected updates into the content library", this::downloadSelected);
        refreshAction = action("Refresh", "Read the catalog again", this::reload);
    }

    private static Action action(String text, String tooltip, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    private void enableActions() {
        removeSourceAction.setEnabled(selectedSource() != null);
        downloadAction.setEnabled(!updatesViewer.getStructuredSelection().isEmpty());
    }

    // ---- operations ----

    /** Reads the sources and updates again, in the background. */
    public void reload() {
        loadJob.schedule();
    }

    private void showLoaded(Outcome<Loaded> outcome) {
        if (outcome.failure() != null) {
            if (!outcome.cancelled()) {
                report(UpdateTexts.error(outcome.failure()), true);
            }
            return;
        }
        UpdateSource selected = selectedSource();
        sourcesViewer.setInput(outcome.result().sources());
        if (selected != null) {
            outcome.result().sources().stream().filter(source -> source.name().equals(selected.name())).findFirst()
                    .ifPresent(source -> sourcesViewer.setSelection(new StructuredSelection(source)));
        }
        List<String> selectedIds = selectedUpdates().stream().map(UpdatePackage::id).toList();
        loaded = outcome.result().updates();
        updatesViewer.setInput(loaded);
        updatesViewer.setSelection(new StructuredSelection(
                loaded.stream().filter(update -> selectedIds.contains(update.id())).toList()));
        enableActions();
        showStatus();
    }

    private void addSource() {
        AddSourceDialog dialog = new AddSourceDialog(getSite().getShell());
        if (dialog.open() != Window.OK) {
            return;
        }
        run("Add update source " + dialog.path(), (updates, progress) -> updates.addSource(dialog.path(), dialog.name()),
                source -> "Added update source " + source.name() + " (" + source.path() + "). Synchronize it to read its packages.");
    }

    private void removeSelectedSource() {
        UpdateSource source = selectedSource();
        if (source == null || !MessageDialog.openConfirm(getSite().getShell(), "Remove Update Source",
                "Remove the update source " + source.name() + " (" + source.path() + ")?\n\n"
                        + "Its packages that were never downloaded leave the catalog; downloaded ones stay, as expired.")) {
            return;
        }
        run("Remove update source " + source.name(), (updates, progress) -> {
            updates.removeSource(source.name());
            return source;
        }, removed -> "Removed update source " + removed.name() + ".");
    }

    /** Synchronizes one source by name, or every source ({@code null}), in a cancellable job. */
    public void synchronize(String sourceName) {
        run(sourceName == null ? "Synchronize all update sources" : "Synchronize update source " + sourceName,
                (updates, progress) -> updates.synchronize(sourceName, progress), SoftwareUpdatesView::syncSummary);
    }

    private void downloadSelected() {
        List<String> ids = selectedUpdates().stream().map(UpdatePackage::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        run("Download " + UpdateTexts.count(ids.size(), "update"), (updates, progress) -> updates.download(ids, progress),
                SoftwareUpdatesView::downloadSummary);
    }

    /**
     * Runs an operation the admin asked for as a user job (progress dialog, cancel button), then
     * writes what it did on the status line and reads the catalog again.
     */
    private <T> void run(String name, UpdatesJob.Work<T> work, Function<T, String> done) {
        report(name + "...", false);
        UpdatesJob<T> job = new UpdatesJob<>(name, this, status, work, outcome -> {
            if (outcome.cancelled()) {
                report(name + ": cancelled. What was done before the cancel is kept.", false);
            } else if (outcome.failure() != null) {
                report(name + " failed: " + UpdateTexts.error(outcome.failure()), true);
            } else {
                report(done.apply(outcome.result()), false);
            }
            reload();
        });
        job.setUser(true);
        job.schedule();
    }

    private static String syncSummary(SyncResult result) {
        StringBuilder text = new StringBuilder("Synchronized ").append(String.join(", ", result.sources())).append(": ")
                .append(result.added()).append(" added, ").append(result.changed()).append(" changed, ")
                .append(result.unchanged()).append(" unchanged, ").append(result.expired()).append(" expired");
        if (!result.problems().isEmpty()) {
            text.append("; ").append(UpdateTexts.count(result.problems().size(), "package")).append(" not read: ")
                    .append(String.join("; ", result.problems().stream().map(UpdateTexts::error).toList()));
        }
        return text.append('.').toString();
    }

    private static String downloadSummary(DownloadResult result) {
        return "Downloaded " + UpdateTexts.count(result.downloaded().size(), "update") + " (" + result.bytesStored()
                + " bytes newly stored in the content library).";
    }

    private void report(String text, boolean failed) {
        lastOperation = text;
        lastOperationFailed = failed;
        showStatus();
    }

    /** The status line: what is shown of what was read, then what the last operation did. */
    private void showStatus() {
        String shown = "Showing " + updatesViewer.getTable().getItemCount() + " of " + UpdateTexts.count(loaded.size(), "update")
                + " from " + UpdateTexts.count(((List<?>) sourcesViewer.getInput()).size(), "source") + ".";
        status.setText(lastOperation.isEmpty() ? shown : shown + " " + lastOperation);
        status.setForeground(lastOperationFailed ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        status.getParent().layout(true);
    }

    private void applyFilter() {
        updatesViewer.refresh();
        showStatus();
    }

    /** The filter the controls above the table describe. */
    UpdateFilter currentFilter() {
        return new UpdateFilter(filterText.getText(), ARCHITECTURES.get(Math.max(0, architectureCombo.getSelectionIndex())),
                showSuperseded.getSelection(), false);
    }

    private void sortBy(UpdateColumn column) {
        order.sortBy(column);
        Table table = updatesViewer.getTable();
        table.setSortColumn(table.getColumn(column.ordinal()));
        table.setSortDirection(order.swtDirection());
        updatesViewer.refresh();
    }

    private UpdateSource selectedSource() {
        return (UpdateSource) sourcesViewer.getStructuredSelection().getFirstElement();
    }

    private List<UpdatePackage> selectedUpdates() {
        return updatesViewer.getStructuredSelection().toList().stream().map(UpdatePackage.class::cast).toList();
    }

    // ---- for tests and the toolbar ----

    /** The toolbar's actions, in order. */
    public List<IAction> actions() {
        return List.of(addSourceAction, removeSourceAction, synchronizeAction, downloadAction, refreshAction);
    }

    public TableViewer updatesViewer() {
        return updatesViewer;
    }

    public TableViewer sourcesViewer() {
        return sourcesViewer;
    }

    public Text filterText() {
        return filterText;
    }

    public Combo architectureCombo() {
        return architectureCombo;
    }

    public Button showSuperseded() {
        return showSuperseded;
    }

    /** The updates shown, after filter and sort, top to bottom. */
    public List<UpdatePackage> shownUpdates() {
        List<UpdatePackage> shown = new ArrayList<>();
        for (int i = 0; i < updatesViewer.getTable().getItemCount(); i++) {
            shown.add((UpdatePackage) updatesViewer.getElementAt(i));
        }
        return shown;
    }

    /** The sources shown. */
    public List<UpdateSource> shownSources() {
        return ((List<?>) sourcesViewer.getInput()).stream().map(UpdateSource.class::cast).toList();
    }

    /** The status line's text. */
    public String statusText() {
        return status.getText();
    }

    /** Sorts by {@code column} as a click on its header does. */
    public void clickColumn(UpdateColumn column) {
        updatesViewer.getTable().getColumn(column.ordinal()).notifyListeners(SWT.Selection, new Event());
    }

    @Override
    public void setFocus() {
        updatesViewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Job.getJobManager().cancel(this);
        synchronizeAction.dispose();
        super.dispose();
    }

    /** Synchronize: the button synchronizes every source; its drop-down offers each source on its own. */
    private final class SynchronizeAction extends Action implements IMenuCreator {

        private Menu menu;

        SynchronizeAction() {
            super("Synchronize", IAction.AS_DROP_DOWN_MENU);
            setToolTipText("Read every update source's packages into the catalog (the arrow: one source)");
            setMenuCreator(this);
        }

        @Override
        public void run() {
            synchronize(null);
        }

        @Override
        public Menu getMenu(Control parent) {
            dispose();
            menu = new Menu(parent);
            fill(menu);
            return menu;
        }

        @Override
        public Menu getMenu(Menu parent) {
            Menu submenu = new Menu(parent);
            fill(submenu);
            return submenu;
        }

        private void fill(Menu target) {
            MenuItem all = new MenuItem(target, SWT.PUSH);
            all.setText("All Sources");
            all.addListener(SWT.Selection, event -> synchronize(null));
            for (UpdateSource source : shownSources()) {
                MenuItem item = new MenuItem(target, SWT.PUSH);
                item.setText(source.name());
                item.addListener(SWT.Selection, event -> synchronize(source.name()));
            }
        }

        @Override
        public void dispose() {
            if (menu != null) {
                menu.dispose();
                menu = null;
            }
        }
    }
}
