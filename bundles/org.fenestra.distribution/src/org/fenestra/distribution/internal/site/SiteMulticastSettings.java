package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.api.MulticastSession;
import org.fenestra.distribution.api.MulticastSettings;
import org.fenestra.distribution.internal.MulticastWire;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.site.DistributionTables.DpRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Multicast settings in the site database. The rules are checked inside the transaction that
 * stores, so two admins cannot slip a deployment past "only via multicast" between check and save.
 */
@Component(service = MulticastSettings.class)
public final class SiteMulticastSettings implements MulticastSettings {

    @Reference
    private SiteDatabase database;

    @Reference
    private ImageCatalog catalog;

    private SiteSecretKey siteKey;

    /** Loads the site key that opens the DPs' stored secrets. */
    @Activate
    void activate() throws IOException {
        siteKey = SiteSecretKey.forSite();
    }

    @Override
    public ImageDistributionSettings imageSettings(String imageId) throws DistributionException {
        requireImage(imageId);
        return SiteDatabaseWork.inTransaction(database, "read distribution settings of " + imageId,
                c -> MulticastTables.findImageSettings(c, imageId))
                .orElse(ImageDistributionSettings.defaults(imageId));
    }

    @Override
    public ImageDistributionSettings setImageSettings(ImageDistributionSettings settings)
            throws DistributionException {
        requireImage(settings.imageId());
        if (settings.onlyMulticast() && !settings.allowMulticast()) {
            throw new DistributionException(Reason.MULTICAST_RULE, "\"only via multicast\" needs multicast allowed "
                    + "for " + settings.imageId() + " (--allow-multicast on)");
        }
        // the deployments that stream content from the DP: while one exists, "only via multicast" is refused
        List<Deployment> streaming = SiteDatabaseWork.inTransaction(database,
                "set distribution settings of " + settings.imageId(), c -> {
                    MulticastTables.lockImage(c, settings.imageId());
                    List<Deployment> blocking = settings.onlyMulticast()
                            ? MulticastTables.deploymentsOf(c, settings.imageId()).stream()
                                    .filter(d -> !d.downloadLocally()).toList()
                            : List.of();
                    if (blocking.isEmpty()) {
                        MulticastTables.saveImageSettings(c, settings);
                    }
                    return blocking;
                });
        if (!streaming.isEmpty()) {
            throw new DistributionException(Reason.MULTICAST_RULE, settings.imageId() + " cannot be sent only via "
                    + "multicast: its deployment(s) " + streaming.stream().map(Deployment::id)
                            .collect(Collectors.joining(", "))
                    + " do not download content locally, so their clients could not get it");
        }
        List<String> missed = new ArrayList<>();
        for (DpRecord dp : SiteDatabaseWork.inTransaction(database, "list distribution points", c -> {
            List<DpRecord> concerned = new ArrayList<>();
            for (String name : MulticastTables.dpsConcerned(c, settings.imageId())) {
                DistributionTables.findDp(c, name, siteKey).ifPresent(concerned::add);
            }
            return concerned;
        })) {
            try {
                put(dp, "admin/multicast/packages/" + settings.imageId(), MulticastWire.imageSettings(settings));
            } catch (DistributionException e) {
                missed.add(e.getMessage());
            }
        }
        if (!missed.isEmpty()) {
            throw new DistributionException(Reason.DP_UNREACHABLE, "the distribution settings of "
                    + settings.imageId() + " are stored, but not every DP has them yet (each gets them with its "
                    + "next dp-multicast): " + String.join("; ", missed));
        }
        return settings;
    }

    @Override
    public Deployment addDeployment(String imageId, List<String> targetClients, boolean downloadLocally)
            throws DistributionException {
        requireImage(imageId);
        List<String> targets = targetClients.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (targets.isEmpty() || targets.stream().anyMatch(t -> !t.matches("[A-Za-z0-9][A-Za-z0-9 ._$-]{0,127}"))) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "a deployment targets one or more clients or "
                    + "collections (letters, digits, space and . _ $ -), not " + targetClients);
        }
        Deployment added = SiteDatabaseWork.inTransaction(database, "add a deployment of " + imageId, c -> {
            MulticastTables.lockImage(c, imageId);
            boolean onlyMulticast = MulticastTables.findImageSettings(c, imageId)
                    .map(ImageDistributionSettings::onlyMulticast).orElse(false);
            if (onlyMulticast && !downloadLocally) {
                return null;
            }
            Deployment deployment = new Deployment(MulticastTables.nextDeploymentId(c), imageId, targets,
                    downloadLocally, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            MulticastTables.insertDeployment(c, deployment);
            return deployment;
        });
        if (added == null) {
            throw new DistributionException(Reason.MULTICAST_RULE, imageId + " is sent only via multicast: a "
                    + "deployment of it must download content locally when needed (--download-locally)");
        }
        return added;
    }

    @Override
    public List<Deployment> deployments(String imageId) throws DistributionException {
        requireImage(imageId);
        return SiteDatabaseWork.inTransaction(database, "list deployments of " + imageId,
                c -> MulticastTables.deploymentsOf(c, imageId));
    }

    @Override
    public List<Deployment> allDeployments() throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "list deployments", MulticastTables::allDeployments);
    }

    @Override
    public Deployment removeDeployment(String deploymentId) throws DistributionException {
        String id = deploymentId.strip().toUpperCase(Locale.ROOT);
        Deployment removed = SiteDatabaseWork.inTransaction(database, "remove deployment " + id, c -> {
            Optional<Deployment> found = MulticastTables.findDeployment(c, id);
            if (found.isEmpty()) {
                return null;
            }
            MulticastTables.lockImage(c, found.get().imageId());
            MulticastTables.deleteDeployment(c, id);
            return found.get();
        });
        if (removed == null) {
            throw new DistributionException(Reason.NO_SUCH_DEPLOYMENT, "no deployment " + deploymentId
                    + " (fenestra:deployment-list shows them)");
        }
        return removed;
    }

    @Override
    public DpMulticastSettings dpSettings(String dpName) throws DistributionException {
        String name = dpName(dpName);
        return SiteDatabaseWork.inTransaction(database, "read multicast settings of " + name,
                c -> MulticastTables.findDpSettings(c, name)).orElse(DpMulticastSettings.DEFAULTS);
    }

    @Override
    public DpMulticastSettings setDpSettings(String dpName, DpMulticastSettings settings)
            throws DistributionException {
        String name = dpName(dpName);
        var problem = settings.problem();
        if (problem.isPresent()) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "multicast settings of " + name + ": "
                    + problem.get());
        }
        DpRecord dp = SiteDatabaseWork.inTransaction(database, "find distribution point " + name,
                c -> DistributionTables.findDp(c, name, siteKey)).orElseThrow();
        put(dp, "admin/multicast", MulticastWire.dpSettings(settings));
        for (ImageDistributionSettings image : SiteDatabaseWork.inTransaction(database, "read distribution settings",
                MulticastTables::allImageSettings)) {
            put(dp, "admin/multicast/packages/" + image.imageId(), MulticastWire.imageSettings(image));
        }
        SiteDatabaseWork.inTransaction(database, "set multicast settings of " + name, c -> {
            MulticastTables.saveDpSettings(c, name, settings);
            return null;
        });
        return settings;
    }

    @Override
    public List<MulticastSession> sessions(String dpName) throws DistributionException {
        DpRecord dp = SiteDatabaseWork.inTransaction(database, "find distribution point " + dpName,
                c -> DistributionTables.findDp(c, dpName, siteKey)).orElseThrow(() -> new DistributionException(
                        Reason.NO_SUCH_DP, "no distribution point named " + dpName));
        return MulticastSessionReport.parse(dp.point().name(), call(dp, "GET", "admin/multicast/sessions", null));
    }

    private static void put(DpRecord dp, String path, String body) throws DistributionException {
        call(dp, "PUT", path, body);
    }

    /** A request to the DP as the site; anything but 200 is DP_UNREACHABLE with the DP's words. */
    private static String call(DpRecord dp, String method, String path, String body) throws DistributionException {
        String name = dp.point().name();
        try {
            HttpResponse<byte[]> answer = new DpClient(dp.point().url(), dp.point().fingerprint(), dp.secret())
                    .exchange(method, path, body);
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            if (answer.statusCode() != 200) {
                throw new DistributionException(Reason.DP_UNREACHABLE, "DP " + name + " refused: "
                        + answer.statusCode() + " " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new DistributionException(Reason.DP_UNREACHABLE, "DP " + name + ": " + e.getMessage(), e);
        }
    }

    /** The DP's name as registered. */
    private String dpName(String name) throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "find distribution point " + name,
                c -> DistributionTables.findDp(c, name, siteKey)).orElseThrow(() -> new DistributionException(
                        Reason.NO_SUCH_DP, "no distribution point named " + name)).point().name();
    }

    private void requireImage(String imageId) throws DistributionException {
        try {
            catalog.get(imageId);
        } catch (ImageNotFoundException e) {
            throw new DistributionException(Reason.NO_SUCH_IMAGE, "no OS image " + imageId, e);
        } catch (CatalogException e) {
            throw new DistributionException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
    }
}
