package org.fenestra.distribution.ui.internal.multicast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.MulticastSession;
import org.fenestra.distribution.api.MulticastSettings;
import org.fenestra.distribution.ui.internal.Background;
import org.fenestra.distribution.ui.internal.DistributionServices;
import org.fenestra.ui.api.Tables;

/**
 * Administration › Multicast Sessions: every DP's multicast sessions, running and recently
 * ended, one row per receiver with its progress, rate and result (a session nobody joined yet
 * has one row without a receiver). Read again every {@value #REFRESH_MILLIS} ms while the view
 * is open, each time in a Job; a DP that cannot be reached is named above the table.
 */
public final class MulticastSessionsView extends ViewPart {

    public static final String ID = "org.fenestra.distribution.ui.views.multicastSessions";
    static final int REFRESH_MILLIS = 2000;

    /** One row: a receiver of a session, or the session alone while nobody is in it. */
    public record SessionRow(MulticastSession session, MulticastSession.Receiver receiver) {

        public String sessionText() {
            return session.id() + (session.stream() > 1 ? " stream " + session.stream() : "")
                    + (session.encrypted() ? " (encrypted)" : "");
        }

        public String progress() {
            return receiver == null ? "" : session.percentOf(receiver) + "%";
        }

        public String rate() {
            return receiver == null ? "" : String.format("%.1f MB/s", receiver.bytesPerSecond() / 1e6);
        }
    }

    /** What one read found: the rows, and the DPs that could not be asked. */
    private record Read(List<SessionRow> rows, List<String> unreachable) {
    }

    private TableViewer viewer;
    private Label problem;
    private final List<SessionRow> rows = new ArrayList<>();
    private boolean reading;
    private int reads;
    private final Runnable tick = this::tick;

    @Override
    public void createPartControl(Composite parent) {
        Tables.ProblemAndTable content = Tables.createBelowProblemLine(parent, SWT.MULTI);
        problem = content.problem();
        viewer = content.viewer();
        column("DP", 100, r -> r.session().dpName());
        column("Session", 110, SessionRow::sessionText);
        column("Image", 90, r -> r.session().imageId());
        column("Group", 130, r -> r.session().group());
        column("State", 80, r -> r.session().state());
        column("Receiver", 70, r -> r.receiver() == null ? "-" : Integer.toString(r.receiver().id()));
        column("Address", 110, r -> r.receiver() == null ? "" : r.receiver().address());
        column("Result", 100, r -> r.receiver() == null ? "" : r.receiver().state());
        column("Progress", 70, SessionRow::progress);
        column("Rate", 80, SessionRow::rate);
        column("Detail", 200, r -> r.receiver() == null ? "" : r.receiver().detail());
        viewer.setInput(rows);
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        };
        refresh.setId("org.fenestra.distribution.ui.action.refreshSessions");
        refresh.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        getViewSite().getActionBars().updateActionBars();
        reload();
        viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    private void column(String title, int width, Function<SessionRow, String> text) {
        Tables.addColumn(viewer, title, width, SessionRow.class, text);
    }

    /** Every few seconds while the view is open: read again unless a read still runs. */
    private void tick() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        reload();
        viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    /** Reads every DP's sessions (a Job). */
    public void reload() {
        if (reading) {
            return;
        }
        reading = true;
        Background.run("Reading multicast sessions", viewer.getControl(), monitor -> {
            List<DistributionPoint> points = DistributionServices.points().list();
            MulticastSettings multicast = DistributionServices.multicast();
            SubMonitor progress = SubMonitor.convert(monitor, points.size());
            List<SessionRow> found = new ArrayList<>();
            List<String> unreachable = new ArrayList<>();
            for (DistributionPoint point : points) {
                progress.checkCanceled();
                try {
                    for (MulticastSession session : multicast.sessions(point.name())) {
                        if (session.receivers().isEmpty()) {
                            found.add(new SessionRow(session, null));
                        }
                        session.receivers().forEach(r -> found.add(new SessionRow(session, r)));
                    }
                } catch (DistributionException e) {
                    unreachable.add(e.getMessage());
                }
                progress.worked(1);
            }
            return new Read(found, unreachable);
        }, read -> {
            reading = false;
            reads++;
            rows.clear();
            rows.addAll(read.rows());
            viewer.refresh();
            showProblem(read.unreachable().isEmpty() ? ""
                    : "Not reachable: " + String.join("; ", read.unreachable()));
        }, message -> {
            reading = false;
            reads++;
            showProblem(message);
        });
    }

    private void showProblem(String text) {
        problem.setText(text);
        ((GridData) problem.getLayoutData()).exclude = text.isEmpty();
        problem.setVisible(!text.isEmpty());
        problem.getParent().layout();
    }

    // ---- for tests

    public List<SessionRow> shownRows() {
        return List.copyOf(rows);
    }

    /** How many reads finished since the view opened (it reads again every few seconds). */
    public int reads() {
        return reads;
    }

    public String shownProblem() {
        return problem.getText();
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
