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
 * Fenestra's own columns of the Operating System Images view, in Configuration Manager's order. Each
 * sorts by its value (sizes as numbers, dates as dates), not by the text shown.
 */
public enum ImageColumn implements ViewColumn {
    NAME(Messages.Column_name, 0, 220, ImageSummary::name, text(ImageSummary::name)),
    VERSION(Messages.Column_version, 10, 80, ImageSummary::version, text(ImageSummary::version)),
    OS_VERSION(Messages.Column_osVersion, 20, 120, ImageSummary::osVersion, Comparator.comparing(ImageSummary::osVersion,
            ImageColumn::compareVersions)),
    // servicing's Scheduled Updates Date and Status (22, 24) come here, in sight at 1280 pixels.
    ARCHITECTURE(Messages.Column_architecture, 30, 90, ImageSummary::architecture, text(ImageSummary::architecture)),
    LANGUAGE(Messages.Column_language, 40, 80, ImageSummary::language, text(ImageSummary::language)),
    SIZE(Messages.Column_size, 50, 90, image -> ByteSize.text(image.sizeBytes()),
            Comparator.comparingLong(ImageSummary::sizeBytes)),
    IMAGE_INDEX(Messages.Column_imageIndex, 60, 90, image -> Integer.toString(image.imageIndex()),
            Comparator.comparingInt(ImageSummary::imageIndex)),
    // Other contributed columns (e.g. the sample partner's at 65) come here.
    DATE_ADDED(Messages.Column_dateAdded, 90, 150, image -> date(image.dateAdded()),
            Comparator.comparing(ImageSummary::dateAdded));

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final String title;
    private final int position;
    private final int width;
    private final Function<ImageSummary, String> text;
    private final Comparator<ImageSummary> order;

    ImageColumn(String title, int position, int width, Function<ImageSummary, String> text,
            Comparator<ImageSummary> order) {
        this.title = title;
        this.position = position;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public String text(ImageSummary image) {
        return text.apply(image);
    }

    @Override
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
