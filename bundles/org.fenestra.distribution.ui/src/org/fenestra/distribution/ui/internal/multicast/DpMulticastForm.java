package org.fenestra.distribution.ui.internal.multicast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;

/**
 * The fields of a DP's Multicast tab (Configuration Manager's): multicast on or off, the
 * session addresses and UDP ports, maximum clients and rate, when a session starts, what happens
 * to slow clients. What is typed is checked as the site checks it ({@link DpMulticastSettings#problem()},
 * the times as the console reads them), on every change; {@link #problem()} says what is wrong.
 */
public final class DpMulticastForm {

    /** Local time, as the console also reads it (an offset may be added: 2026-12-24T08:00Z). */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String[] SLOW_CHOICES = { "None: everyone stays in the session",
            "Disconnect clients slower than (MB/s); they download over HTTPS", "Split clients by speed into streams" };

    private final Composite area;
    private final Button enabled;
    private final Text addressFirst;
    private final Text addressLast;
    private final Spinner portFirst;
    private final Spinner portLast;
    private final Spinner maxClients;
    private final Spinner maxRate;
    private final Button autoCast;
    private final Button scheduledCast;
    private final Spinner scheduledClients;
    private final Text scheduledTime;
    private final Combo slowClients;
    private final Spinner slowValue;
    private final Label problemLabel;
    private final Consumer<Optional<String>> onChange;

    /** @param onChange told the problem, or empty, after every change */
    public DpMulticastForm(Composite parent, Consumer<Optional<String>> onChange) {
        this.onChange = onChange;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(4, false));
        enabled = new Button(area, SWT.CHECK);
        enabled.setText("&Enable multicast to send data to multiple clients simultaneously");
        span(enabled, 4);

        label("Multicast &addresses (239.0.0.0/8):");
        addressFirst = text();
        label("to");
        addressLast = text();
        label("UDP &ports:");
        portFirst = spinner(1024, 65535);
        label("to");
        portLast = spinner(1024, 65535);
        label("Maximum &clients:");
        maxClients = spinner(1, 100_000);
        span(new Label(area, SWT.NONE), 2);
        label("Maximum transfer &rate (MB/s):");
        maxRate = spinner(1, 100_000);
        span(new Label(area, SWT.NONE), 2);

        autoCast = new Button(area, SWT.RADIO);
        autoCast.setText("A&uto-cast: a session starts when a client asks; clients asking later join it");
        span(autoCast, 4);
        scheduledCast = new Button(area, SWT.RADIO);
        scheduledCast.setText("&Scheduled-cast, whichever comes first:");
        span(scheduledCast, 4);
        label("    at this many clients (0: not by count):");
        scheduledClients = spinner(0, 100_000);
        span(new Label(area, SWT.NONE), 2);
        label("    or at (yyyy-MM-ddTHH:mm, local; empty: not by time):");
        scheduledTime = text();
        span(new Label(area, SWT.NONE), 2);

        label("S&low clients:");
        slowClients = new Combo(area, SWT.READ_ONLY | SWT.DROP_DOWN);
        slowClients.setItems(SLOW_CHOICES);
        span(slowClients, 2);
        slowValue = spinner(0, 100_000);

        problemLabel = new Label(area, SWT.WRAP);
        problemLabel.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData problemData = span(problemLabel, 4);
        problemData.widthHint = 520;
        show(DpMulticastSettings.DEFAULTS);
        for (Button button : new Button[] { enabled, autoCast, scheduledCast }) {
            button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> changed()));
        }
        slowClients.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            slowValue.setSelection(defaultValue(slowClients.getSelectionIndex()));
            changed();
        }));
        for (Text text : new Text[] { addressFirst, addressLast, scheduledTime }) {
            text.addModifyListener(e -> changed());
        }
        for (Spinner spinner : new Spinner[] { portFirst, portLast, maxClients, maxRate, scheduledClients, slowValue }) {
            spinner.addModifyListener(e -> changed());
        }
    }

    public Composite control() {
        return area;
    }

    /** Shows {@code settings} in the fields. */
    public void show(DpMulticastSettings settings) {
        enabled.setSelection(settings.enabled());
        addressFirst.setText(settings.addressFirst());
        addressLast.setText(settings.addressLast());
        portFirst.setSelection(settings.portFirst());
        portLast.setSelection(settings.portLast());
        maxClients.setSelection(settings.maxClients());
        maxRate.setSelection(settings.maxRateMbps());
        autoCast.setSelection(settings.start() == SessionStart.AUTO_CAST);
        scheduledCast.setSelection(settings.start() == SessionStart.SCHEDULED_CAST);
        scheduledClients.setSelection(settings.scheduledClients());
        scheduledTime.setText(settings.scheduledAt().map(DpMulticastForm::shown).orElse(""));
        slowClients.select(settings.slowClients().kind().ordinal());
        slowValue.setSelection(settings.slowClients().value());
        changed();
    }

    /** The settings as typed, whether or not they can be used (see {@link #problem()}). */
    public DpMulticastSettings settings() {
        String time = scheduledTime.getText().strip();
        SessionStart start = autoCast.getSelection() ? SessionStart.AUTO_CAST : SessionStart.SCHEDULED_CAST;
        boolean scheduled = start == SessionStart.SCHEDULED_CAST;
        SlowClientPolicy.Kind slow = SlowClientPolicy.Kind.values()[Math.max(0, slowClients.getSelectionIndex())];
        return new DpMulticastSettings(enabled.getSelection(), addressFirst.getText().strip(),
                addressLast.getText().strip(), portFirst.getSelection(), portLast.getSelection(),
                maxClients.getSelection(), maxRate.getSelection(), start, scheduled ? scheduledClients.getSelection() : 0,
                scheduled && !time.isEmpty() ? DpMulticastSettings.parseTime(time) : Optional.empty(),
                new SlowClientPolicy(slow, slow == SlowClientPolicy.Kind.NONE ? 0 : slowValue.getSelection()));
    }

    /** Why the typed settings cannot be saved, as the site would say it; empty when they can. */
    public Optional<String> problem() {
        String time = scheduledTime.getText().strip();
        if (scheduledCast.getSelection() && !time.isEmpty() && DpMulticastSettings.parseTime(time).isEmpty()) {
            return Optional.of("the scheduled time is a date and time such as 2026-12-24T08:00, not " + time);
        }
        return settings().problem();
    }

    private void changed() {
        boolean scheduled = scheduledCast.getSelection();
        scheduledClients.setEnabled(scheduled);
        scheduledTime.setEnabled(scheduled);
        slowValue.setEnabled(slowClients.getSelectionIndex() > 0);
        Optional<String> problem = problem();
        problemLabel.setText(problem.map(p -> "Cannot be saved: " + p).orElse(""));
        area.layout(true, true);
        onChange.accept(problem);
    }

    private static int defaultValue(int slowChoice) {
        return switch (slowChoice) {
            case 1 -> 5; // MB/s
            case 2 -> 2; // streams
            default -> 0;
        };
    }

    private void label(String text) {
        new Label(area, SWT.NONE).setText(text);
    }

    private Text text() {
        Text text = new Text(area, SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 150;
        text.setLayoutData(data);
        return text;
    }

    private Spinner spinner(int min, int max) {
        Spinner spinner = new Spinner(area, SWT.BORDER);
        spinner.setValues(min, min, max, 0, 1, 10);
        return spinner;
    }

    private static GridData span(org.eclipse.swt.widgets.Control control, int columns) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1);
        control.setLayoutData(data);
        return data;
    }

    // ---- for tests (the fields in the order shown)

    public Button enabledButton() {
        return enabled;
    }

    public Text addressFields(int i) {
        return i == 0 ? addressFirst : addressLast;
    }

    public Spinner portFields(int i) {
        return i == 0 ? portFirst : portLast;
    }

    public Spinner maxClientsField() {
        return maxClients;
    }

    public Spinner maxRateField() {
        return maxRate;
    }

    public Button startButton(SessionStart start) {
        return start == SessionStart.AUTO_CAST ? autoCast : scheduledCast;
    }

    public Spinner scheduledClientsField() {
        return scheduledClients;
    }

    public Text scheduledTimeField() {
        return scheduledTime;
    }

    public Combo slowClientsField() {
        return slowClients;
    }

    public Spinner slowValueField() {
        return slowValue;
    }

    public String shownProblem() {
        return problemLabel.getText();
    }

    /** A scheduled time as the form shows it: local time, to the minute. */
    public static String shown(Instant at) {
        return LOCAL_TIME.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneId.systemDefault()));
    }
}
