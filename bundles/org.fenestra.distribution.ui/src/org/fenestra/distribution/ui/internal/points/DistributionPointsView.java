package org.fenestra.distribution.ui.internal.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.ContentChanges;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.distribution.ui.internal.status.StateCounts;
import org.fenestra.ui.api.Tables;
import org.fenestra.ui.api.UiThread;

/**
 * Administration › Distribution Points: the DPs registered at the site with the state of the
 * content they hold; Add (checked against the DP before it is saved) and Remove.
 */
public final class DistributionPointsView extends ViewPart {

    public static final String ID = "org.fenestra.distribution.ui.views.distributionPoints";

    /** A DP with how its content stands, over every image distributed to it. */
    public record DpRow(DistributionPoint point, StateCounts content) {
        public String status() {
            return content.describe();
        }
    }

    private TableViewer viewer;
    private Label problem;
    private final List<DpRow> rows = new ArrayList<>();
    private Action addAction;
    private Action removeAction;
    private Action refreshAction;
    private Action propertiesAction;
    private ContentChanges.Subscription subscription;

    @Override
    public void createPartControl(Composite parent) {
        Tables.ProblemAndTable content = Tables.createBelowProblemLine(parent, SWT.MULTI);
        problem = content.problem();
        viewer = content.viewer();
        viewer.setComparer(new SameDp()); // a reload keeps the selection
        column("Name", 130, row -> row.point().name());
        column("URL", 220, row -> row.point().url().toString());
        column("Certificate SHA-256", 300, row -> row.point().fingerprint());
        column("Pull From", 110, row -> row.point().pullFrom());
        column("Content", 220, DpRow::status);
        viewer.setInput(rows);
        createActions();
        viewer.addSelectionChangedListener(event -> {
            removeAction.setEnabled(!event.getStructuredSelection().isEmpty());
            propertiesAction.setEnabled(event.getStructuredSelection().size() == 1);
        });
        viewer.addDoubleClickListener(event -> openProperties());
        getSite().setSelectionProvider(viewer);
        subscription = ContentChanges.subscribe(() -> UiThread.updateLater(viewer.getControl(), this::reload));
        reload();
    }

    private void column(String title, int width, Function<DpRow, String> text) {
        Tables.addColumn(viewer, title, width, DpRow.class, text);
    }

    private void createActions() {
        ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();
        addAction = new Action("Add Distribution Point") {
            @Override
            public void run() {
                addDistributionPoint();
            }
        };
        addAction.setId("org.fenestra.distribution.ui.action.addDp");
        addAction.setImageDescriptor(icon("distribution-point.png"));
        removeAction = new Action("Remove") {
            @Override
            public void run() {
                removeSelected();
            }
        };
        removeAction.setId("org.fenestra.distribution.ui.action.removeDp");
        removeAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
        removeAction.setEnabled(false);
        refreshAction = new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        };
        refreshAction.setId("org.fenestra.distribution.ui.action.refreshDps");
        refreshAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        propertiesAction = new Action("Properties") {
            @Override
            public void run() {
                openProperties();
            }
        };
        propertiesAction.setId("org.fenestra.distribution.ui.action.dpProperties");
        propertiesAction.setToolTipText("General and Multicast settings of the selected DP");
        propertiesAction.setImageDescriptor(icon("properties.png"));
        propertiesAction.setEnabled(false);
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(addAction);
        toolbar.add(refreshAction);
        toolbar.add(propertiesAction);
        toolbar.add(removeAction);
        getViewSite().getActionBars().updateActionBars();
    }

    private static ImageDescriptor icon(String file) {
        return ResourceLocator.imageDescriptorFromBundle(DistributionPointsView.class, "icons/" + file).orElse(null);
    }

    /** Reads the DPs and, over every image in the catalog, the state of the content on each (a Job). */
    public void reload() {
        Background.run("Reading distribution points", viewer.getControl(), monitor -> {
            List<DistributionPoint> points = DistributionServices.points().list();
            List<OsImageRecord> images = DistributionServices.catalog().list();
            ContentDistribution distribution = DistributionServices.distribution();
            SubMonitor progress = SubMonitor.convert(monitor, images.size());
            Map<String, StateCounts> byDp = new HashMap<>();
            for (OsImageRecord image : images) {
                progress.checkCanceled();
                for (ContentStatus status : distribution.status(image.id())) {
                    byDp.computeIfAbsent(status.dpName(), name -> new StateCounts()).add(status);
                }
                progress.worked(1);
            }
            return points.stream().map(p -> new DpRow(p, byDp.getOrDefault(p.name(), new StateCounts()))).toList();
        }, loaded -> {
            rows.clear();
            rows.addAll(loaded);
            problem.setText("");
            viewer.refresh();
            layoutProblem();
        }, message -> {
            problem.setText(message);
            layoutProblem();
        });
    }

    private void layoutProblem() {
        ((GridData) problem.getLayoutData()).exclude = problem.getText().isEmpty();
        problem.setVisible(!problem.getText().isEmpty());
        problem.getParent().layout();
    }

    private void addDistributionPoint() {
        AddDistributionPointDialog dialog = new AddDistributionPointDialog(getSite().getShell(),
                rows.stream().map(row -> row.point().name()).toList());
        if (dialog.open() == Window.OK) {
            ContentChanges.changed();
        }
    }

    private void openProperties() {
        if (viewer.getStructuredSelection().size() == 1
                && viewer.getStructuredSelection().getFirstElement() instanceof DpRow row) {
            new DistributionPointPropertiesDialog(getSite().getShell(), row.point()).open();
        }
    }

    private void removeSelected() {
        List<String> names = viewer.getStructuredSelection().toList().stream().map(row -> ((DpRow) row).point().name())
                .toList();
        if (names.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), "Remove Distribution Points",
                "Remove " + String.join(", ", names) + " from the site? The content stays on the DPs; "
                        + "the site forgets them and their content status.")) {
            return;
        }
        Background.run("Removing distribution points", viewer.getControl(), monitor -> {
            for (String name : names) {
                DistributionServices.points().remove(name);
            }
            return names;
        }, removed -> ContentChanges.changed(), message -> {
            ContentChanges.changed();
            MessageDialog.openError(getSite().getShell(), "Remove Distribution Points", message);
        });
    }

    /** The rows shown, for tests. */
    public List<DpRow> shownRows() {
        return List.copyOf(rows);
    }

    /** The problem shown above the table (a service not running), empty when none. */
    public String shownProblem() {
        return problem.getText();
    }

    public TableViewer viewer() {
        return viewer;
    }

    public List<Action> actions() {
        return List.of(addAction, refreshAction, propertiesAction, removeAction);
    }

    /** Rows are the same DP when their names are (a DP's name is unique at the site, ignoring case). */
    private static final class SameDp implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            if (a instanceof DpRow x && b instanceof DpRow y) {
                return x.point().name().equalsIgnoreCase(y.point().name());
            }
            return java.util.Objects.equals(a, b); // the viewer also compares its input with itself
        }

        @Override
        public int hashCode(Object element) {
            return element instanceof DpRow row ? row.point().name().toLowerCase(java.util.Locale.ROOT).hashCode()
                    : element.hashCode();
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        super.dispose();
    }
}
