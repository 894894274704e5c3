package org.fenestra.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.function.Function;

import org.fenestra.catalog.api.ByteSize;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.Messages;

/**
 * The columns of the Operating System Images view, in Configuration Manager's order. Each
 * sorts by its value (sizes as numbers, dates as dates), not by the text shown.
 */
public enum ImageColumn {
    NAME(Messages.Column_name, 220, ImageSummary::name, text(ImageSummary::name)),
    VERSION(Messages.Column_version, 80, ImageSummary::version, text(ImageSummary::version)),
    OS_VERSION(Messages.Column_osVersion, 120, ImageSummary::osVersion, Comparator.comparing(ImageSummary::osVersion,
            ImageColumn::compareVersions)),
    ARCHITECTURE(Messages.Column_architecture, 90, ImageSummary::architecture, text(ImageSummary::architecture)),
    LANGUAGE(Messages.Column_language, 80, ImageSummary::language, text(ImageSummary::language)),
    SIZE(Messages.Column_size, 90, image -> ByteSize.text(image.sizeBytes()),
            Comparator.comparingLong(ImageSummary::sizeBytes)),
    IMAGE_INDEX(Messages.Column_imageIndex, 90, image -> Integer.toString(image.imageIndex()),
            Comparator.comparingInt(ImageSummary::imageIndex)),
    SCHEDULED_UPDATES_DATE(Messages.Column_scheduledUpdatesDate, 160, image -> date(image.scheduledUpdatesDate()),
            Comparator.comparing(ImageSummary::scheduledUpdatesDate, Comparator.nullsFirst(Comparator.naturalOrder()))),
    SCHEDULED_UPDATES_STATUS(Messages.Column_scheduledUpdatesStatus, 160, ImageSummary::scheduledUpdatesStatus,
            text(ImageSummary::scheduledUpdatesStatus)),
    DATE_ADDED(Messages.Column_dateAdded, 150, image -> date(image.dateAdded()),
            Comparator.comparing(ImageSummary::dateAdded));

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final String title;
    private final int width;
    private final Function<ImageSummary, String> text;
    private final Comparator<ImageSummary> order;

    ImageColumn(String title, int width, Function<ImageSummary, String> text, Comparator<ImageSummary> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    public String title() {
        return title;
    }

    int width() {
        return width;
    }

    public String text(ImageSummary image) {
        return text.apply(image);
    }

    /** Ascending order of this column's values. */
    public Comparator<ImageSummary> order() {
        return order;
    }

    private static Comparator<ImageSummary> text(Function<ImageSummary, String> value) {
        return Comparator.comparing(value, String.CASE_INSENSITIVE_ORDER);
    }

    /** {@code 10.0.9200} before {@code 10.0.22631}: dotted numbers compared part by part. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int compared = comparePart(left[i], right[i]);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        if (a.matches("\\d{1,18}") && b.matches("\\d{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareToIgnoreCase(b);
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
