package org.fenestra.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;

import org.fenestra.ui.api.ImageSummary;

/** The columns of the Operating System Images view, in Configuration Manager's order. */
public enum ImageColumn {
    NAME("Name", 220, ImageSummary::name),
    VERSION("Version", 80, ImageSummary::version),
    OS_VERSION("OS Version", 120, ImageSummary::osVersion),
    ARCHITECTURE("Architecture", 90, ImageSummary::architecture),
    LANGUAGE("Language", 80, ImageSummary::language),
    SIZE("Size", 90, image -> ByteSizes.format(image.sizeBytes())),
    IMAGE_INDEX("Image Index", 90, image -> Integer.toString(image.imageIndex())),
    SCHEDULED_UPDATES_DATE("Scheduled Updates Date", 160, image -> ImageColumn.date(image.scheduledUpdatesDate())),
    SCHEDULED_UPDATES_STATUS("Scheduled Updates Status", 160, ImageSummary::scheduledUpdatesStatus),
    DATE_ADDED("Date Added", 150, image -> ImageColumn.date(image.dateAdded()));

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final String title;
    private final int width;
    private final Function<ImageSummary, String> text;

    ImageColumn(String title, int width, Function<ImageSummary, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    public String title() {
        return title;
    }

    int width() {
        return width;
    }

    String text(ImageSummary image) {
        return text.apply(image);
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
