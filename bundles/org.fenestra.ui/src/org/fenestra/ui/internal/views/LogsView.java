package org.fenestra.ui.internal.views;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Icons;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.app.SiteFolders;

/**
 * Logs: the log files of this installation ({@code logs/} in the data folder), newest first,
 * and the end of the chosen one. Read in one job per view; Refresh reads both again.
 */
public final class LogsView extends ViewPart {

    public static final String ID = "org.fenestra.ui.views.logs";
    public static final String REFRESH_ACTION_ID = "org.fenestra.ui.action.refreshLogs";
    /** The end of a log that is shown; older lines are in the file. */
    static final int TAIL_BYTES = 64 * 1024;

    private List files;
    private Text tail;
    private LogReadJob reader;
    private volatile Path folder = SiteFolders.logFolder();

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        files = new List(sash, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        tail = new Text(sash, SWT.READ_ONLY | SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        tail.setFont(JFaceResources.getTextFont());
        sash.setWeights(25, 75);
        files.addListener(SWT.Selection, event -> reader.read(chosenFile()));
        Action refresh = new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                reader.read(chosenFile());
            }
        };
        refresh.setId(REFRESH_ACTION_ID);
        refresh.setToolTipText(Messages.Logs_refreshTooltip);
        refresh.setImageDescriptor(Icons.REFRESH.descriptor());
        ActionContributionItem item = new ActionContributionItem(refresh);
        item.setMode(ActionContributionItem.MODE_FORCE_TEXT);
        getViewSite().getActionBars().getToolBarManager().add(item);
        reader = new LogReadJob();
        reader.read(null);
    }

    private String chosenFile() {
        return files.getSelectionCount() == 1 ? files.getSelection()[0] : null;
    }

    /** Lists {@code logs} instead of the installation's folder (for tests). */
    public void showFolder(Path logs) {
        folder = logs;
        reader.read(null);
    }

    /** The files listed, newest first. */
    public java.util.List<String> fileNames() {
        return java.util.List.of(files.getItems());
    }

    /** The text shown for the chosen file. */
    public String shownText() {
        return tail.getText();
    }

    /** Whether the last line of the shown text is in view. */
    public boolean showsTheEnd() {
        int visibleLines = Math.max(1, tail.getClientArea().height / tail.getLineHeight());
        return tail.getTopIndex() + visibleLines >= tail.getLineCount() - 1;
    }

    /** Chooses a file as a click would. */
    public void choose(String fileName) {
        files.setSelection(new String[] { fileName });
        files.notifyListeners(SWT.Selection, null);
    }

    @Override
    public void setFocus() {
        files.setFocus();
    }

    @Override
    public void dispose() {
        Job.getJobManager().cancel(this);
        super.dispose();
    }

    private void show(java.util.List<String> names, String chosen, String text) {
        files.setItems(names.toArray(String[]::new));
        String selected = chosen != null && names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(0);
        if (selected != null) {
            files.setSelection(new String[] { selected });
        }
        // The newest lines are at the end: show them (append scrolls; GTK needs the layout done first).
        tail.setText("");
        tail.append(text);
        tail.getDisplay().asyncExec(() -> {
            if (!tail.isDisposed()) {
                tail.setTopIndex(Math.max(0, tail.getLineCount() - 1));
            }
        });
    }

    /** Lists the folder and reads the chosen (else newest) file's tail. */
    private final class LogReadJob extends Job {
        private volatile String requested;

        LogReadJob() {
            super(Messages.Logs_job);
            setSystem(true);
        }

        void read(String fileName) {
            requested = fileName;
            schedule();
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            Path logs = folder;
            java.util.List<String> names = new ArrayList<>();
            String text;
            try (Stream<Path> listed = Files.list(logs)) {
                listed.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(LogsView::modified).reversed())
                        .forEach(file -> names.add(file.getFileName().toString()));
                String chosen = requested != null && names.contains(requested) ? requested
                        : names.isEmpty() ? null : names.get(0);
                text = chosen == null ? Messages.bind(Messages.Logs_empty, logs) : tail(logs.resolve(chosen));
            } catch (IOException e) {
                text = Messages.bind(Messages.Logs_noFolder, logs);
            }
            String shown = text;
            String chosen = requested;
            UiThread.updateLater(tail, () -> show(names, chosen, shown));
            return Status.OK_STATUS;
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == LogsView.this;
        }

        @Override
        public boolean shouldRun() {
            return !tail.isDisposed();
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** The last {@link #TAIL_BYTES} of {@code file}, starting at a line. */
    static String tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int firstLine = start == 0 ? 0 : text.indexOf('\n') + 1;
            return text.substring(firstLine);
        }
    }
}
