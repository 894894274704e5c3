package org.fenestra.ui.internal.views;

import java.util.Comparator;

import org.fenestra.ui.api.ImageSummary;

/** A column of the Operating System Images view: one of Fenestra's own or a contributed one. */
public interface ViewColumn {

    String title();

    /** Initial width in pixels. */
    int width();

    /** Place among the columns, lower first; Fenestra's own use multiples of 10. */
    int position();

    String text(ImageSummary image);

    /** Ascending order of this column's values. */
    Comparator<ImageSummary> order();
}
