package org.fenestra.wim.internal.format;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** WIM timestamps: 100-nanosecond ticks since 1601-01-01 UTC (Windows FILETIME), unsigned. */
public final class WimTime {
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long EPOCH_DISTANCE_SECONDS = 11_644_473_600L;
    private static final DateTimeFormatter WIMLIB_FORMAT = DateTimeFormatter
            .ofPattern("EEE MMM dd HH:mm:ss yyyy 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private WimTime() {
    }

    public static long unixSeconds(long ticks) {
        return Long.divideUnsigned(ticks, TICKS_PER_SECOND) - EPOCH_DISTANCE_SECONDS;
    }

    public static Instant toInstant(long ticks) {
        long nanos = Long.remainderUnsigned(ticks, TICKS_PER_SECOND) * 100;
        return Instant.ofEpochSecond(unixSeconds(ticks), nanos);
    }

    public static FileTime toFileTime(long ticks) {
        return FileTime.from(toInstant(ticks));
    }

    /** Formats as wimlib-imagex prints times: {@code Fri Jan 01 00:00:00 2010 UTC}. */
    public static String format(long ticks) {
        return WIMLIB_FORMAT.format(Instant.ofEpochSecond(unixSeconds(ticks)));
    }
}
