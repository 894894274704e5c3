package org.fenestra.servicing.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.UpdateResult;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.Tables;
import org.fenestra.ui.api.UiThread;

/**
 * The Servicing tab of an image's Properties, read-only: its schedule, its runs (the servicing
 * history, newest first) and the log of the run chosen. Everything is read in Jobs.
 */
public final class ServicingPropertyTab implements ImagePropertyTab {

    /** The log shown is cut to its last part; logs of runs are small, but a file is not trusted to be. */
    static final int LOG_TAIL_BYTES = 256 * 1024;

    private Text schedule;
    private TableViewer runs;
    private Text log;

    @Override
    public Control createContents(Composite parent, ImageSummary image) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        new Label(page, SWT.NONE).setText(Messages.Tab_schedule);
        schedule = new Text(page, SWT.READ_ONLY | SWT.BORDER | SWT.MULTI | SWT.WRAP);
        schedule.setText(Messages.Tab_reading);
        GridData scheduleData = new GridData(SWT.FILL, SWT.TOP, true, false);
        scheduleData.heightHint = 70;
        scheduleData.widthHint = 560;
        schedule.setLayoutData(scheduleData);

        SashForm sash = new SashForm(page, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite history = new Composite(sash, SWT.NONE);
        history.setLayout(new GridLayout(1, false));
        new Label(history, SWT.NONE).setText(Messages.Tab_history);
        runs = new TableViewer(history, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        runs.getTable().setHeaderVisible(true);
        runs.getTable().setLinesVisible(true);
        runs.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        runs.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Tab_runStarted, 130, run -> ImageServicingState.format(run.startedAt()));
        column(Messages.Tab_runStatus, 90, run -> new ImageServicingState(run.status(), null, run.percentDone()).statusText());
        column(Messages.Tab_runUpdates, 160, ServicingPropertyTab::updates);
        column(Messages.Tab_runSize, 150, run -> NLS.bind(Messages.Tab_sizeChange, run.sizeBefore(), run.sizeAfter()));
        column(Messages.Tab_runFiles, 90, run -> NLS.bind(Messages.Tab_files,
                new Object[] { run.filesAdded(), run.filesChanged(), run.filesRemoved() }));
        column(Messages.Tab_runMessage, 260, ServicingRun::message);
        runs.addSelectionChangedListener(event -> {
            Object chosen = runs.getStructuredSelection().getFirstElement();
            if (chosen instanceof ServicingRun run) {
                showLog(run);
            }
        });

        Composite logArea = new Composite(sash, SWT.NONE);
        logArea.setLayout(new GridLayout(1, false));
        new Label(logArea, SWT.NONE).setText(Messages.Tab_log);
        log = new Text(logArea, SWT.READ_ONLY | SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        log.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        log.setText(Messages.Tab_chooseRun);
        sash.setWeights(1, 1);

        read(image);
        return page;
    }

    private void column(String title, int width, Function<ServicingRun, String> text) {
        Tables.addColumn(runs, title, width, ServicingRun.class, text);
    }

    private static String updates(ServicingRun run) {
        return run.updates().stream().map(u -> u.updateId() + " " + outcome(u)).collect(Collectors.joining(", "));
    }

    private static String outcome(UpdateResult result) {
        return switch (result.outcome()) {
            case APPLIED -> Messages.Outcome_applied;
            case FAILED -> Messages.Outcome_failed;
            case NOT_SUPPORTED -> Messages.Outcome_notSupported;
            case SKIPPED -> Messages.Outcome_skipped;
        };
    }

    /** Reads the schedule and the history in a Job, then shows them (and the newest run's log). */
    private void read(ImageSummary image) {
        Job job = Job.create(NLS.bind(Messages.Tab_readJob, image.name()), monitor -> {
            String scheduleText;
            List<ServicingRun> history = List.of();
            try {
                ServicingServices services = ServicingServices.of();
                OfflineServicing servicing = services.servicing();
                scheduleText = describe(services.schedules().schedule(image.id()));
                history = servicing.history(image.id());
            } catch (ServicingException e) {
                scheduleText = e.getMessage();
            }
            String shownSchedule = scheduleText;
            List<ServicingRun> shownHistory = history;
            UiThread.updateLater(schedule, () -> {
                schedule.setText(shownSchedule);
                runs.setInput(shownHistory);
                if (!shownHistory.isEmpty()) {
                    runs.getTable().select(0);
                    showLog(shownHistory.get(0));
                } else {
                    log.setText(Messages.Tab_noRuns);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    static String describe(Optional<ServicingSchedule> found) {
        if (found.isEmpty()) {
            return Messages.Tab_noSchedule;
        }
        ServicingSchedule s = found.get();
        String updates = s.allApplicable() ? Messages.Tab_allApplicable : String.join(", ", s.updateIds());
        return NLS.bind(Messages.Tab_scheduleText, new Object[] { s.recurrence(),
                s.nextRun() == null ? Messages.Tab_noNextRun : ImageServicingState.format(s.nextRun()), updates,
                new ImageServicingState(s.status(), null, s.percentDone()).statusText() + (s.message().isEmpty() ? "" : ": " + s.message()),
                yesNo(s.continueOnError()), yesNo(s.optimize()), yesNo(s.updateDistributionPoints()) });
    }

    private static String yesNo(boolean value) {
        return value ? Messages.Yes : Messages.No;
    }

    private void showLog(ServicingRun run) {
        log.setText(Messages.Tab_reading);
        Path file = Path.of(run.logFile());
        Job job = Job.create(NLS.bind(Messages.Tab_readLogJob, run.runId()), monitor -> {
            String text = tail(file);
            UiThread.updateLater(log, () -> log.setText(text));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The file's text, or its last {@value #LOG_TAIL_BYTES} bytes; what went wrong when it cannot be read. */
    static String tail(Path file) {
        try {
            long size = Files.size(file);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(Math.max(0, size - LOG_TAIL_BYTES));
                bytes = in.readNBytes(LOG_TAIL_BYTES);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return size > LOG_TAIL_BYTES ? NLS.bind(Messages.Tab_logCut, LOG_TAIL_BYTES / 1024) + "\n" + text : text;
        } catch (IOException e) {
            return NLS.bind(Messages.Tab_logUnreadable, file, e.getMessage());
        }
    }
}
