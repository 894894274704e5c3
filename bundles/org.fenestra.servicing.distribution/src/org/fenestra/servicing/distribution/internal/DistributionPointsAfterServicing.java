package org.fenestra.servicing.distribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentTransfer;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.servicing.api.DistributionPointUpdater;
import org.fenestra.servicing.api.DistributionPointsUpdate;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.wim.model.WimProgress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Servicing's "update distribution points with the image", done by distribution: the serviced image's
 * new version goes to every DP already holding the image ({@link ContentDistribution#updateDistributionPoints},
 * a WIM delta where the DP holds the previous version), and each DP's outcome comes back as a line
 * saying what was sent. Its own bundle, so servicing and distribution do not depend on each other.
 */
@Component(service = DistributionPointUpdater.class)
public final class DistributionPointsAfterServicing implements DistributionPointUpdater {

    private final ContentDistribution distribution;

    @Activate
    public DistributionPointsAfterServicing(@Reference ContentDistribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public DistributionPointsUpdate updateDistributionPoints(String imageId, WimProgress progress) throws ServicingException {
        Map<String, ContentTransfer> sent = new ConcurrentHashMap<>();
        DistributionListener listener = new DistributionListener() {
            @Override
            public void statusChanged(ContentStatus status) {
                // only the end state matters to the run's log; the DP's status is distribution's own record
            }

            @Override
            public void contentSent(ContentTransfer transfer) {
                sent.put(transfer.dpName(), transfer);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCanceled();
            }
        };
        List<ContentStatus> outcomes;
        try {
            outcomes = distribution.updateDistributionPoints(imageId, listener);
        } catch (DistributionException e) {
            throw new ServicingException(Reason.IO, "updating the distribution points of " + imageId + " failed: "
                    + e.getMessage(), e);
        }
        List<String> installed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ContentStatus status : outcomes) {
            ContentTransfer transfer = sent.get(status.dpName());
            String line = status.dpName() + ": " + status.describe() + (transfer == null ? "" : "; " + transfer.describe());
            (status.state() == ContentStatus.State.INSTALLED ? installed : failed).add(line);
        }
        return new DistributionPointsUpdate(installed, failed);
    }
}
