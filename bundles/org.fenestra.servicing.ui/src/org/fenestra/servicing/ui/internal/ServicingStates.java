package org.fenestra.servicing.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.ui.api.ImageSummary;

/**
 * The images' servicing states as last read (off the UI thread, with the view's rows), kept for the
 * cheap questions asked on the UI thread: the columns' cells and whether Cancel Scheduled Updates
 * applies to the selection.
 */
public final class ServicingStates {

    private static final Map<String, ImageServicingState> LAST_READ = new ConcurrentHashMap<>();

    private ServicingStates() {
    }

    /** Reads the states of {@code images} from the servicing services and remembers them. Not on the UI thread. */
    public static Map<String, ImageServicingState> read(List<ImageSummary> images, IProgressMonitor monitor)
            throws ServicingException {
        ServicingServices services = ServicingServices.of();
        ServicingSchedules schedules = services.schedules();
        OfflineServicing servicing = services.servicing();
        Map<String, ServicingSchedule> byImage = schedules.schedules().stream()
                .collect(Collectors.toMap(ServicingSchedule::imageId, Function.identity(), (a, b) -> a));
        Map<String, ImageServicingState> read = new ConcurrentHashMap<>();
        for (ImageSummary image : images) {
            if (monitor.isCanceled()) {
                break;
            }
            read.put(image.id(), ImageServicingState.of(Optional.ofNullable(byImage.get(image.id())),
                    servicing.history(image.id())));
        }
        LAST_READ.putAll(read);
        return read;
    }

    /** The state last read for the image; {@link ImageServicingState#NONE} when never read. */
    public static ImageServicingState lastRead(String imageId) {
        return LAST_READ.getOrDefault(imageId, ImageServicingState.NONE);
    }
}
