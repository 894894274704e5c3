package org.fenestra.servicing.ui.internal.wizard;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.updates.api.UpdatePackage;

/** What the Schedule Updates wizard's pages collect, for one image. UI thread only. */
final class ScheduleSettings {

    /** When the updates are applied. */
    enum When {
        /** Now, in this workbench, with the wizard's progress bar and Cancel. */
        NOW,
        /** Once, at a time; the site server runs it. */
        ONCE,
        /** Every month on the Nth weekday plus N days; the site server runs it. */
        MONTHLY
    }

    final ImageSummary image;
    /** Images in the image's WIM; 0 while unknown. */
    int imageCount;
    /** Why the image's WIM could not be read, or empty. */
    String imageProblem = "";
    List<UpdatePackage> applicable = List.of();
    final Set<String> selected = new LinkedHashSet<>();
    When when = When.NOW;
    LocalDateTime once = LocalDateTime.now().plusHours(1).truncatedTo(ChronoUnit.HOURS);
    int week = 2;
    DayOfWeek day = DayOfWeek.TUESDAY;
    int plusDays;
    LocalTime time = LocalTime.of(3, 0);
    boolean continueOnError;
    boolean updateDistributionPoints;
    boolean optimize;

    ScheduleSettings(ImageSummary image) {
        this.image = image;
    }

    /** Optimize exports the serviced index into a new WIM: that would drop the other images of a multi-image WIM. */
    boolean optimizeAllowed() {
        return imageCount == 1;
    }

    /** Why optimize cannot be chosen; empty when it can. */
    String optimizeRefusal() {
        if (!imageProblem.isEmpty()) {
            return imageProblem;
        }
        if (imageCount == 0) {
            return Messages.Schedule_readingImage;
        }
        return imageCount > 1 ? NLS.bind(Messages.Schedule_optimizeRefused, imageCount) : "";
    }

    List<String> selectedIds() {
        return new ArrayList<>(selected);
    }

    Recurrence recurrence() {
        return switch (when) {
            case MONTHLY -> new Recurrence(true, null, week, day, plusDays, time);
            default -> Recurrence.once(once.atZone(ZoneId.systemDefault()).toInstant());
        };
    }

    ServicingRequest request() {
        return new ServicingRequest(image.id(), selectedIds(), continueOnError, optimize && optimizeAllowed(),
                updateDistributionPoints);
    }
}
