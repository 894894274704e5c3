package org.fenestra.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.ui.api.ColumnSortOrder;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.registry.ExtensionPoints;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * The Operating System Images view, laid out as the console we follow: a filter box, the
 * table of the site catalog's images (the columns of {@link ImageColumn} and those contributed
 * through {@code imageColumns}, sortable by a click on a header) and, under it, the details pane
 * of the selection with its contributed tabs. The same actions (Add, Refresh,
 * Delete, Properties and every contributed {@code imageActions} entry) are on the toolbar and
 * on the rows' context menu. The catalog is read by one {@link ImagesLoadJob} per view,
 * started at once and after every catalog change.
 */
public final class OsImagesView extends ViewPart {

    public static final String ID = "org.fenestra.ui.views.osImages";
    public static final String ADD_IMAGE_ACTION_ID = "org.fenestra.ui.action.addImage";
    public static final String REFRESH_ACTION_ID = "org.fenestra.ui.action.refresh";
    public static final String DELETE_ACTION_ID = "org.fenestra.ui.action.delete";
    public static final String PROPERTIES_ACTION_ID = "org.fenestra.ui.action.properties";

    private TableViewer viewer;
    private Text filterText;
    private ImageDetailsPane details;
    private List<ViewColumn> columns;
    private List<ContributedColumn> contributedColumns;
    private MenuManager contextMenu;
    private final ColumnSortOrder<ViewColumn, ImageSummary> order = new ColumnSortOrder<>(ImageSummary.class,
            ImageColumn.NAME, ViewColumn::order, Comparator.comparing(ImageSummary::id));
    private final ImageTextFilter filter = new ImageTextFilter();
    private ImageViewActions actions;
    private ImagesLoadJob loadJob;
    private WorkbenchServices.Subscription catalogSubscription;
    private String problem; // why the last read found no images, or null

    @Override
    public void createPartControl(Composite parent) {
        WorkbenchServices services = WorkbenchServices.of();
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);

        filterText = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage(Messages.OsImagesView_filterHint);
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, event -> applyFilter());

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TableViewer(sash, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        contributedColumns = ContributedColumn.of(ExtensionPoints.imageColumns(Platform.getExtensionRegistry()));
        columns = Stream.concat(Stream.of(ImageColumn.values()), contributedColumns.stream())
                .sorted(Comparator.comparingInt(ViewColumn::position)).toList();
        createColumns(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(order);
        viewer.setFilters(filter);
        viewer.setInput(List.of());
        details = new ImageDetailsPane(sash, ExtensionPoints.imageDetailsTabs(Platform.getExtensionRegistry()));
        sash.setWeights(65, 35);

        actions = new ImageViewActions(getSite(), this::selectedImages, this::reload,
                ExtensionPoints.imageActions(Platform.getExtensionRegistry()));
        fillToolbar(getViewSite().getActionBars().getToolBarManager());
        createContextMenu();
        viewer.addSelectionChangedListener(event -> selectionChanged());
        viewer.addDoubleClickListener(event -> actions.properties().run());
        getSite().setSelectionProvider(viewer);
        selectionChanged();

        loadJob = new ImagesLoadJob(this, services, viewer.getControl(), contributedColumns, this::show);
        contributedColumns.forEach(column -> column.attach(loadJob::reload));
        catalogSubscription = services.onCatalogChanged(loadJob::reload);
        loadJob.reload();
    }

    private void createColumns(Table table) {
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (ViewColumn column : columns) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
            TableColumn tableColumn = viewerColumn.getColumn();
            tableColumn.setText(column.title());
            tableColumn.setMoveable(true);
            tableColumn.pack(); // the header's own width, then room for the sort arrow
            tableColumn.setWidth(Math.max(column.width(), tableColumn.getWidth() + 24));
            tableColumn.addListener(SWT.Selection, event -> sortBy(column));
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((ImageSummary) element);
                }
            });
        }
        table.setSortColumn(table.getColumn(columnIndex(order.column())));
        table.setSortDirection(order.swtDirection());
    }

    /** The columns, left to right as created (the admin may move them). */
    public List<ViewColumn> columns() {
        return columns;
    }

    /** Index of {@code column} in the table, as {@code TableItem.getText(int)} takes it. */
    public int columnIndex(ViewColumn column) {
        return columns.indexOf(column);
    }

    /** Sorts the table by {@code column}, or reverses the order when it already sorts by it. */
    public void sortBy(ViewColumn column) {
        order.sortBy(column);
        Table table = viewer.getTable();
        table.setSortColumn(table.getColumn(columnIndex(column)));
        table.setSortDirection(order.swtDirection());
        viewer.refresh();
    }

    private void applyFilter() {
        if (filter.setText(filterText.getText())) {
            viewer.refresh();
            describeRows();
        }
    }

    /** The line above the filter: how many images there are, and how many the filter shows. */
    private void describeRows() {
        if (problem != null) {
            setContentDescription(problem);
            return;
        }
        int all = ((List<?>) viewer.getInput()).size();
        int shown = viewer.getTable().getItemCount();
        setContentDescription(shown == all ? Messages.bind(Messages.OsImagesView_count, all)
                : Messages.bind(Messages.OsImagesView_countFiltered, shown, all));
    }

    private void fillToolbar(IContributionManager toolbar) {
        for (IAction action : actions.all()) {
            ActionContributionItem item = new ActionContributionItem(action);
            item.setMode(ActionContributionItem.MODE_FORCE_TEXT); // icon and text, as the console's ribbon
            toolbar.add(item);
        }
    }

    private void createContextMenu() {
        contextMenu = new MenuManager("#PopupMenu");
        contextMenu.setRemoveAllWhenShown(true);
        contextMenu.addMenuListener(menu -> {
            menu.add(actions.add());
            menu.add(actions.refresh());
            menu.add(new Separator());
            actions.contributed().forEach(menu::add);
            menu.add(new Separator());
            menu.add(actions.delete());
            menu.add(actions.properties());
            menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getTable().setMenu(contextMenu.createContextMenu(viewer.getTable()));
        getSite().registerContextMenu(contextMenu, viewer);
    }

    private void selectionChanged() {
        List<ImageSummary> selection = selectedImages();
        actions.updateEnablement(selection);
        details.show(selection);
    }

    /** Shows a freshly read list (on the UI thread), keeping the selected images that remain. */
    private void show(List<ImageSummary> images, String readProblem) {
        problem = readProblem;
        setImages(images);
    }

    /** Replaces the rows shown, keeping the selected images that remain; called on the UI thread. */
    public void setImages(List<ImageSummary> images) {
        Set<String> selectedIds = selectedImages().stream().map(ImageSummary::id).collect(Collectors.toSet());
        viewer.setInput(List.copyOf(images));
        viewer.setSelection(new StructuredSelection(
                images.stream().filter(image -> selectedIds.contains(image.id())).toList()));
        selectionChanged();
        describeRows();
    }

    /** Reads the catalog again, in the background. */
    public void reload() {
        loadJob.reload();
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** The filter box above the table. */
    public Text filterText() {
        return filterText;
    }

    /** The rows shown, after filter and sort, top to bottom. */
    public List<ImageSummary> shownImages() {
        List<ImageSummary> shown = new ArrayList<>();
        for (int i = 0; i < viewer.getTable().getItemCount(); i++) {
            shown.add((ImageSummary) viewer.getElementAt(i));
        }
        return shown;
    }

    /** The values on the details pane's Summary tab. */
    public List<String> detailsSummary() {
        return details.summaryValues();
    }

    /** The titles of the details pane's tabs. */
    public List<String> detailsTabs() {
        return java.util.Arrays.stream(details.folder().getItems()).map(item -> item.getText()).toList();
    }

    /** The control of the details pane's tab titled {@code title}, or {@code null}. */
    public org.eclipse.swt.widgets.Control detailsTab(String title) {
        return java.util.Arrays.stream(details.folder().getItems()).filter(item -> item.getText().equals(title))
                .findFirst().map(item -> item.getControl()).orElse(null);
    }

    /** The rows' context menu (filled each time it is shown). */
    public MenuManager contextMenu() {
        return contextMenu;
    }

    /** The view's actions: Add, Refresh, the contributed ones, Delete, Properties (toolbar order). */
    public List<IAction> actions() {
        return actions.all();
    }

    /** The entries contributed through {@code imageActions}, in order. */
    public List<? extends Action> contributedActions() {
        return actions.contributed();
    }

    private List<ImageSummary> selectedImages() {
        return viewer.getStructuredSelection().toList().stream().map(ImageSummary.class::cast).toList();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        // Stop hearing the catalog first, so nothing is scheduled for the widgets being disposed.
        if (catalogSubscription != null) {
            catalogSubscription.close();
        }
        Job.getJobManager().cancel(this);
        if (contributedColumns != null) {
            contributedColumns.forEach(ContributedColumn::dispose);
        }
        if (details != null) {
            details.dispose();
        }
        if (contextMenu != null) {
            contextMenu.dispose();
        }
        super.dispose();
    }
}
