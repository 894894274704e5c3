package org.fenestra.updates.ui.internal.views;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;

import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.ui.internal.UpdateTexts;

/** A column of the Software Updates view: its title, width, text and sort order. */
public enum UpdateColumn {
    ARTICLE("Article ID", 100, UpdatePackage::articleId),
    TITLE("Title", 220, UpdatePackage::title),
    CLASSIFICATION("Classification", 110, UpdatePackage::classification),
    ARCHITECTURE("Architecture", 90, update -> UpdateTexts.architecture(update.architecture())),
    RELEASE_DATE("Release Date", 100, update -> update.releaseDate() == null ? "" : update.releaseDate().toString(),
            Comparator.comparing(UpdatePackage::releaseDate, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))),
    SUPERSEDED("Superseded", 90, update -> UpdateTexts.yesNo(update.superseded())),
    DOWNLOADED("Downloaded", 90, update -> UpdateTexts.yesNo(update.state() == UpdateState.DOWNLOADED)),
    OFFLINE("Offline-serviceable", 130, update -> UpdateTexts.offline(update.offlineServiceable()));

    private final String title;
    private final int width;
    private final Function<UpdatePackage, String> text;
    private final Comparator<UpdatePackage> order;

    UpdateColumn(String title, int width, Function<UpdatePackage, String> text) {
        this(title, width, text, Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER));
    }

    UpdateColumn(String title, int width, Function<UpdatePackage, String> text, Comparator<UpdatePackage> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public String text(UpdatePackage update) {
        return text.apply(update);
    }

    /** Ascending order of the column's values (dates as dates, the rest as text ignoring case). */
    Comparator<UpdatePackage> order() {
        return order;
    }
}
