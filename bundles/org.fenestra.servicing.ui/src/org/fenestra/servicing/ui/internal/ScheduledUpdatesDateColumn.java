package org.fenestra.servicing.ui.internal;

import java.time.Instant;
import java.util.Comparator;

import org.fenestra.ui.api.ImageSummary;

/** Scheduled Updates Date: when the image's schedule runs next, or when its last run started. */
public final class ScheduledUpdatesDateColumn extends ScheduledUpdatesColumn {

    @Override
    public String text(ImageSummary image) {
        return state(image).dateText();
    }

    @Override
    public Comparator<ImageSummary> order() {
        return Comparator.comparing(image -> state(image).date(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    }
}
