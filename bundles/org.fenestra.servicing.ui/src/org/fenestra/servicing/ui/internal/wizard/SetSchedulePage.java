package org.fenestra.servicing.ui.internal.wizard;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.servicing.ui.internal.ServicingServices;
import org.fenestra.servicing.ui.internal.wizard.ScheduleSettings.When;

/**
 * Set Schedule: run now, once at a time, or monthly on the Nth weekday plus N days at a time
 * ("Patch Tuesday + 3 days"); continue on error; update distribution points (stored; not available
 * while distribution is not running); remove superseded updates and optimize (single-image WIMs only,
 * otherwise disabled with the reason).
 */
final class SetSchedulePage extends WizardPage {

    static final String[] WEEKS = { "1st", "2nd", "3rd", "4th", "last" };

    private final ScheduleSettings settings;
    private Button now;
    private Button once;
    private Button monthly;
    private DateTime onceDate;
    private DateTime onceTime;
    private Combo week;
    private Combo day;
    private Spinner plusDays;
    private DateTime monthlyTime;
    private Button continueOnError;
    private Button updateDistributionPoints;
    private Label distributionNote;
    private Button optimize;
    private Label optimizeNote;

    SetSchedulePage(ScheduleSettings settings) {
        super("setSchedule");
        this.settings = settings;
        setTitle(Messages.Schedule_title);
        setDescription(ScheduleUpdatesWizard.imageLine(settings));
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));

        Group when = new Group(page, SWT.NONE);
        when.setText(Messages.Schedule_when);
        when.setLayout(new GridLayout(2, false));
        when.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        now = radio(when, Messages.Schedule_now, 2);
        once = radio(when, Messages.Schedule_once, 1);
        Composite onceRow = row(when, 2);
        onceDate = new DateTime(onceRow, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        onceTime = new DateTime(onceRow, SWT.TIME | SWT.SHORT | SWT.BORDER);
        monthly = radio(when, Messages.Schedule_monthly, 1);
        Composite monthlyRow = row(when, 6);
        week = new Combo(monthlyRow, SWT.READ_ONLY);
        week.setItems(WEEKS);
        day = new Combo(monthlyRow, SWT.READ_ONLY);
        day.setItems(Arrays.stream(DayOfWeek.values()).map(d -> d.getDisplayName(TextStyle.FULL, Locale.getDefault()))
                .toArray(String[]::new));
        new Label(monthlyRow, SWT.NONE).setText(Messages.Schedule_plus);
        plusDays = new Spinner(monthlyRow, SWT.BORDER);
        plusDays.setValues(0, 0, 27, 0, 1, 7);
        new Label(monthlyRow, SWT.NONE).setText(Messages.Schedule_daysAt);
        monthlyTime = new DateTime(monthlyRow, SWT.TIME | SWT.SHORT | SWT.BORDER);

        Group options = new Group(page, SWT.NONE);
        options.setText(Messages.Schedule_options);
        options.setLayout(new GridLayout(1, false));
        options.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        continueOnError = check(options, Messages.Schedule_continueOnError);
        updateDistributionPoints = check(options, Messages.Schedule_updateDps);
        distributionNote = note(options);
        optimize = check(options, Messages.Schedule_optimize);
        optimizeNote = note(options);

        showSettings();
        for (Button radio : new Button[] { now, once, monthly }) {
            radio.addListener(SWT.Selection, event -> changed());
        }
        for (var control : new org.eclipse.swt.widgets.Control[] { onceDate, onceTime, week, day, plusDays, monthlyTime,
                continueOnError, updateDistributionPoints, optimize }) {
            control.addListener(SWT.Selection, event -> changed());
        }
        plusDays.addListener(SWT.Modify, event -> changed());
        setControl(page);
        changed();
    }

    /** The options that depend on what was read meanwhile (the image's WIM, the distribution service). */
    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            changed();
        }
        super.setVisible(visible);
    }

    private void showSettings() {
        now.setSelection(settings.when == When.NOW);
        once.setSelection(settings.when == When.ONCE);
        monthly.setSelection(settings.when == When.MONTHLY);
        LocalDateTime at = settings.once;
        onceDate.setDate(at.getYear(), at.getMonthValue() - 1, at.getDayOfMonth());
        onceTime.setTime(at.getHour(), at.getMinute(), 0);
        week.select(settings.week - 1);
        day.select(settings.day.getValue() - 1);
        plusDays.setSelection(settings.plusDays);
        monthlyTime.setTime(settings.time.getHour(), settings.time.getMinute(), 0);
        continueOnError.setSelection(settings.continueOnError);
        updateDistributionPoints.setSelection(settings.updateDistributionPoints);
        optimize.setSelection(settings.optimize);
    }

    private void changed() {
        settings.when = monthly.getSelection() ? When.MONTHLY : once.getSelection() ? When.ONCE : When.NOW;
        settings.once = LocalDateTime.of(onceDate.getYear(), onceDate.getMonth() + 1, onceDate.getDay(),
                onceTime.getHours(), onceTime.getMinutes());
        settings.week = week.getSelectionIndex() + 1;
        settings.day = DayOfWeek.of(day.getSelectionIndex() + 1);
        settings.plusDays = plusDays.getSelection();
        settings.time = LocalTime.of(monthlyTime.getHours(), monthlyTime.getMinutes());
        settings.continueOnError = continueOnError.getSelection();
        settings.updateDistributionPoints = updateDistributionPoints.getSelection();

        for (var control : new org.eclipse.swt.widgets.Control[] { onceDate, onceTime }) {
            control.setEnabled(settings.when == When.ONCE);
        }
        for (var control : new org.eclipse.swt.widgets.Control[] { week, day, plusDays, monthlyTime }) {
            control.setEnabled(settings.when == When.MONTHLY);
        }
        distributionNote.setText(ServicingServices.of().distributionAvailable() ? Messages.Schedule_dpsStored
                : Messages.Schedule_dpsNotAvailable);
        optimize.setEnabled(settings.optimizeAllowed());
        if (!settings.optimizeAllowed()) {
            optimize.setSelection(false);
        }
        settings.optimize = optimize.getSelection();
        optimizeNote.setText(settings.optimizeRefusal());
        // The notes' lengths change: the page, not only their group, must make room for them.
        distributionNote.getParent().getParent().layout(true, true);

        String error = null;
        if (settings.when == When.ONCE && !settings.once.isAfter(LocalDateTime.now())) {
            error = Messages.Schedule_onceInPast;
        }
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    private static Button radio(Composite parent, String text, int span) {
        Button button = new Button(parent, SWT.RADIO);
        button.setText(text);
        button.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, span, 1));
        return button;
    }

    private static Button check(Composite parent, String text) {
        Button button = new Button(parent, SWT.CHECK);
        button.setText(text);
        return button;
    }

    private static Label note(Composite parent) {
        Label label = new Label(parent, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.horizontalIndent = 24;
        data.widthHint = 560;
        label.setLayoutData(data);
        return label;
    }

    /** The controls of one choice, side by side after its radio button. */
    private static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        return row;
    }

    Button now() {
        return now;
    }

    Button once() {
        return once;
    }

    DateTime onceDate() {
        return onceDate;
    }

    Button optimize() {
        return optimize;
    }

    Label optimizeNote() {
        return optimizeNote;
    }

    Label distributionNote() {
        return distributionNote;
    }
}
