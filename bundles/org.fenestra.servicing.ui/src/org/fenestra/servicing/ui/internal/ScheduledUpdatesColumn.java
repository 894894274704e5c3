package org.fenestra.servicing.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.ImageColumnProvider;

/** What the two Scheduled Updates columns share: the images' servicing states, read with the rows. */
abstract class ScheduledUpdatesColumn implements ImageColumnProvider {

    private volatile Map<String, ImageServicingState> states = Map.of();

    @Override
    public void load(List<ImageSummary> images, IProgressMonitor monitor) throws ServicingException {
        states = ServicingStates.read(images, monitor);
        loaded(states);
    }

    /** Called after each load, off the UI thread. */
    void loaded(Map<String, ImageServicingState> read) {
    }

    ImageServicingState state(ImageSummary image) {
        return states.getOrDefault(image.id(), ImageServicingState.NONE);
    }
}
