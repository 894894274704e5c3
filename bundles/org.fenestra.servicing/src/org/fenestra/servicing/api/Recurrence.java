package org.fenestra.servicing.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a servicing schedule runs: once at a time, or every month on the Nth weekday plus N days
 * at a time of day ("Patch Tuesday + 3 days": {@code 2nd tue +3d 03:00}), in the site server's zone.
 *
 * @param monthly   false: once, at {@code once}
 * @param week      1..4 for the 1st..4th weekday of the month, 5 for the last
 * @param plusDays  days added to that weekday (0..27); the result may fall in the next month
 * @since 0.1
 */
public record Recurrence(boolean monthly, Instant once, int week, DayOfWeek day, int plusDays, LocalTime time) {

    private static final Pattern MONTHLY = Pattern.compile(
            "(?i)\\s*(1st|2nd|3rd|4th|last)\\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\s*(?:\\+\\s*(\\d{1,2})\\s*d(?:ays?)?)?\\s*(\\d{1,2}:\\d{2})?\\s*");

    public Recurrence {
        if (monthly) {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            if (week < 1 || week > 5 || plusDays < 0 || plusDays > 27) {
                throw new IllegalArgumentException("week 1..5 (5 = last) and 0..27 days after it");
            }
        } else {
            Objects.requireNonNull(once, "once");
        }
    }

    public static Recurrence once(Instant at) {
        return new Recurrence(false, at, 0, null, 0, null);
    }

    /**
     * Parses {@code 2nd tue +3d 03:00} ({@code 1st|2nd|3rd|4th|last}, a weekday, optional
     * {@code +Nd}, optional time, 00:00 when absent).
     *
     * @throws IllegalArgumentException with the form expected
     */
    public static Recurrence parseMonthly(String text) {
        Matcher m = MONTHLY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a monthly schedule reads like \"2nd tue +3d 03:00\" (1st, 2nd, 3rd, 4th or last; "
                    + "a weekday; optionally +N days and a time), not \"" + text + "\"");
        }
        int week = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "1st" -> 1;
            case "2nd" -> 2;
            case "3rd" -> 3;
            case "4th" -> 4;
            default -> 5;
        };
        DayOfWeek day = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        int plus = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(4).length() == 4 ? "0" + m.group(4) : m.group(4));
        return new Recurrence(true, null, week, day, plus, time);
    }

    /** The first run strictly after {@code after}; null for a one-time schedule whose time has passed. */
    public Instant next(Instant after, ZoneId zone) {
        if (!monthly) {
            return once.isAfter(after) ? once : null;
        }
        LocalDate month = after.atZone(zone).toLocalDate().withDayOfMonth(1).minusMonths(1);
        for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
            Instant candidate = inMonth(month, zone);
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no run within three months"); // cannot happen: plusDays < 28
    }

    private Instant inMonth(LocalDate firstOfMonth, ZoneId zone) {
        LocalDate weekday = week == 5 ? firstOfMonth.with(TemporalAdjusters.lastInMonth(day))
                : firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(week, day));
        return ZonedDateTime.of(weekday.plusDays(plusDays), time, zone).toInstant();
    }

    /** {@code once 2026-12-08T03:00:00Z} or {@code monthly 2nd tue +3d 03:00}. */
    @Override
    public String toString() {
        if (!monthly) {
            return "once " + once;
        }
        String nth = switch (week) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            case 4 -> "4th";
            default -> "last";
        };
        return "monthly " + nth + " " + day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT)
                + (plusDays == 0 ? "" : " +" + plusDays + "d") + " " + time;
    }

    /** Parses {@link #toString()}. */
    public static Recurrence parse(String text) {
        if (text.startsWith("once ")) {
            return once(Instant.parse(text.substring(5)));
        }
        if (text.startsWith("monthly ")) {
            return parseMonthly(text.substring(8));
        }
        throw new IllegalArgumentException("not a recurrence: " + text);
    }
}
