package org.fenestra.updates.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.content.library.ContentLibrary;
import org.fenestra.smb.SmbConfiguration;
import org.fenestra.updates.api.DownloadResult;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateSource;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.internal.Transactions.Refusal;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.model.WimProgress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The software updates catalog on the site database. The content library is
 * {@code <data folder>/content-library} ({@value #LIBRARY} overrides it), the data folder being
 * {@code fenestra.data} (default {@code ~/.fenestra}) as for the catalog.
 */
@Component(service = SoftwareUpdates.class)
public final class JdbcSoftwareUpdates implements SoftwareUpdates {

    static final String LIBRARY = "fenestra.contentLibrary";
    private static final Logger LOG = System.getLogger(JdbcSoftwareUpdates.class.getName());

    private final Transactions transactions;
    private final ImageCatalog images;
    private final UnaryOperator<String> properties;
    private final Path libraryRoot;
    private final Clock clock;
    private final UpdateSourceTable sources = new UpdateSourceTable();
    private final UpdatePackageTable packages = new UpdatePackageTable();
    private final InstalledUpdateTable installed = new InstalledUpdateTable();
    private final UpdateSynchronizer synchronizer;
    private volatile PackageDownloader downloader;

    @Activate
    public JdbcSoftwareUpdates(@Reference SiteDatabase database, @Reference ImageCatalog images, BundleContext context) {
        this(database, images, context::getProperty, libraryRoot(context::getProperty), Clock.systemUTC());
    }

    /**
     * @param properties framework properties ({@code fenestra.smb.*} for UNC sources), answering null when unset
     * @param libraryRoot where the content library is (created on the first download)
     */
    JdbcSoftwareUpdates(SiteDatabase database, ImageCatalog images, UnaryOperator<String> properties, Path libraryRoot,
            Clock clock) {
        this.transactions = new Transactions(database);
        this.images = images;
        this.properties = properties;
        this.libraryRoot = libraryRoot;
        // The databases keep microseconds: a record reads back equal to what was written.
        this.clock = Clock.tick(clock, Duration.ofNanos(1000));
        this.synchronizer = new UpdateSynchronizer(transactions, sources, packages, clock);
    }

    static Path libraryRoot(UnaryOperator<String> properties) {
        String library = properties.apply(LIBRARY);
        if (library != null && !library.isBlank()) {
            return Path.of(library);
        }
        String data = properties.apply("fenestra.data");
        Path dataFolder = data == null || data.isBlank() ? Path.of(System.getProperty("user.home"), ".fenestra") : Path.of(data);
        return dataFolder.resolve("content-library");
    }

    @Override
    public UpdateSource addSource(String path, String name) throws UpdateException {
        if (path == null || path.isBlank()) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, "give the folder of the update source");
        }
        String recorded;
        try (SitePath folder = SitePath.open(path.strip(), smb())) {
            if (!Files.isDirectory(folder.path())) {
                throw new UpdateException(Reason.SOURCE_NOT_FOUND, path, "no such folder: " + path, null);
            }
            recorded = SitePath.isUnc(path) ? path.strip() : folder.path().toString();
            if (name == null || name.isBlank()) {
                Path last = folder.path().getFileName();
                name = last == null ? recorded : last.toString();
            }
        }
        String sourceName = name.strip();
        if (sourceName.length() > 128 || sourceName.chars().anyMatch(c -> c < 0x20)) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, "a source name has at most 128 characters and no control characters");
        }
        UpdateSource source = new UpdateSource(sourceName, recorded, clock.instant(), null);
        return transaction("add update source " + sourceName, connection -> {
            if (sources.find(connection, sourceName).isPresent()) {
                throw new Refusal(Reason.DUPLICATE_SOURCE,
                        "an update source is already named " + sourceName + " (names ignore case)");
            }
            sources.insert(connection, source);
            return source;
        });
    }

    @Override
    public List<UpdateSource> sources() throws UpdateException {
        return transaction("list update sources", sources::list);
    }

    @Override
    public void removeSource(String name) throws UpdateException {
        transaction("remove update source " + name, connection -> {
            if (!sources.delete(connection, name)) {
                throw new Refusal(Reason.NO_SUCH_SOURCE, "no update source is named " + name);
            }
            packages.removeSource(connection, name);
            return null;
        });
    }

    @Override
    public SyncResult synchronize(String sourceName, WimProgress progress) throws UpdateException {
        List<UpdateSource> chosen;
        if (sourceName == null || sourceName.isBlank()) {
            chosen = sources();
        } else {
            UpdateSource source = transaction("find update source " + sourceName, c -> sources.find(c, sourceName)
                    .orElseThrow(() -> new Refusal(Reason.NO_SUCH_SOURCE, "no update source is named " + sourceName)));
            chosen = List.of(source);
        }
        UpdateSynchronizer.Counts counts = new UpdateSynchronizer.Counts();
        for (UpdateSource source : chosen) {
            try (SitePath folder = SitePath.open(source.path(), smb())) {
                synchronizer.synchronize(source, folder.path(), progress, counts);
            }
        }
        SyncResult result = counts.result(chosen.stream().map(UpdateSource::name).toList());
        LOG.log(Level.INFO, "Synchronized {0}: {1} added, {2} changed, {3} unchanged, {4} expired, {5} files read, {6} problems",
                result.sources(), result.added(), result.changed(), result.unchanged(), result.expired(),
                result.filesRead(), result.problems().size());
        return result;
    }

    @Override
    public List<UpdatePackage> list(UpdateFilter filter) throws UpdateException {
        return Supersedence.among(allPackages()).stream().filter(filter::accepts).toList();
    }

    private List<UpdatePackage> allPackages() throws UpdateException {
        return transaction("list software updates", packages::all);
    }

    @Override
    public UpdatePackage get(String idOrArticle) throws UpdateException {
        String wanted = idOrArticle == null ? "" : idOrArticle.strip();
        List<UpdatePackage> all = Supersedence.among(allPackages());
        Optional<UpdatePackage> byId = all.stream().filter(u -> u.id().equalsIgnoreCase(wanted)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        String article = wanted.toUpperCase(Locale.ROOT).startsWith("KB") || !wanted.matches("\\d+") ? wanted : "KB" + wanted;
        return all.stream().filter(u -> !u.articleId().isEmpty() && u.articleId().equalsIgnoreCase(article))
                .filter(u -> u.state() != UpdateState.EXPIRED)
                .max(Comparator.comparing(UpdatePackage::synchronizedAt).thenComparing(UpdatePackage::id))
                .orElseThrow(() -> new UpdateException(Reason.NO_SUCH_UPDATE,
                        "no software update has the ID or article " + wanted + " (updates-list shows them)"));
    }

    @Override
    public DownloadResult download(List<String> ids, WimProgress progress) throws UpdateException {
        List<UpdatePackage> chosen = new ArrayList<>();
        for (String id : ids) {
            UpdatePackage update = get(id);
            if (update.state() == UpdateState.EXPIRED) {
                throw new UpdateException(Reason.NO_SUCH_UPDATE, update.sourcePath(), update.id() + " ("
                        + update.sourcePath() + ") is expired: its file is gone from the update source", null);
            }
            chosen.add(update);
        }
        progress.beginTask("Download", chosen.stream().mapToLong(UpdatePackage::sizeBytes).sum());
        long stored = 0;
        List<UpdatePackage> done = new ArrayList<>();
        for (UpdatePackage update : chosen) {
            stored += downloader().download(update, smb(), progress);
            transaction("record the download of " + update.id(), connection -> {
                packages.setState(connection, update.id(), UpdateState.DOWNLOADED);
                return null;
            });
            done.add(get(update.id()));
        }
        progress.done();
        return new DownloadResult(done, stored);
    }

    @Override
    public Path downloadedContent(String id) throws UpdateException {
        UpdatePackage update = get(id);
        return downloader().content(update).filter(p -> update.state() == UpdateState.DOWNLOADED)
                .orElseThrow(() -> new UpdateException(Reason.CONTENT_LIBRARY, update.sourcePath(),
                        update.id() + " is not in the content library; download it first (updates-download " + update.id() + ")", null));
    }

    private PackageDownloader downloader() throws UpdateException {
        PackageDownloader current = downloader;
        if (current == null) {
            synchronized (this) {
                if (downloader == null) {
                    try {
                        downloader = new PackageDownloader(ContentLibrary.open(libraryRoot));
                    } catch (IOException e) {
                        throw new UpdateException(Reason.CONTENT_LIBRARY, libraryRoot.toString(),
                                "cannot open the content library in " + libraryRoot + ": " + e.getMessage(), e);
                    }
                }
                current = downloader;
            }
        }
        return current;
    }

    @Override
    public List<UpdatePackage> applicable(String imageId, UpdateFilter filter) throws UpdateException {
        ImageUpdates image = installedUpdates(imageId);
        return Applicability.applicable(allPackages(), image, filter);
    }

    @Override
    public ImageUpdates installedUpdates(String imageId) throws UpdateException {
        image(imageId);
        Optional<ImageUpdates> known = transaction("read the updates of image " + imageId, c -> installed.read(c, imageId));
        return known.isPresent() ? known.get() : rescan(imageId, WimProgress.NONE);
    }

    @Override
    public ImageUpdates rescan(String imageId, WimProgress progress) throws UpdateException {
        OsImageRecord image = image(imageId);
        ImageFacts facts = facts(imageId);
        ImageUpdates scan;
        try (SitePath wimPath = SitePath.open(image.storedPath(), smb()); WimFile wim = WimFile.open(wimPath.path())) {
            scan = ImagePackageScanner.scan(wim, image, facts, clock.instant(), progress);
        } catch (WimCancelledException e) {
            throw new UpdateException(Reason.CANCELLED, image.storedPath(), "reading the packages of " + imageId + " was cancelled", e);
        } catch (IOException e) {
            throw new UpdateException(Reason.BAD_IMAGE, image.storedPath(),
                    "cannot read the packages of image " + imageId + " from " + image.storedPath() + ": " + e.getMessage(), e);
        }
        transaction("record the updates in image " + imageId, connection -> {
            installed.replaceScan(connection, scan);
            return null;
        });
        LOG.log(Level.INFO, "Image {0} ({1}, {2}) holds {3} packages", imageId, scan.osBuild(), scan.architecture(),
                scan.installed().size());
        return transaction("read the updates of image " + imageId, c -> installed.read(c, imageId)).orElseThrow();
    }

    @Override
    public void recordApplied(String imageId, List<String> updateIds) throws UpdateException {
        image(imageId);
        List<UpdatePackage> applied = new ArrayList<>();
        for (String id : updateIds) {
            applied.add(get(id));
        }
        transaction("record updates applied to " + imageId, connection -> {
            for (UpdatePackage update : applied) {
                if (update.identity() == null) {
                    throw new Refusal(Reason.INVALID_ARGUMENT, update.id() + " has no package identity; it cannot have been applied");
                }
                installed.addApplied(connection, imageId, new InstalledUpdate(update.identity(), update.articleId(),
                        update.classification(), InstalledUpdate.Origin.APPLIED, clock.instant(), update.id()));
            }
            return null;
        });
    }

    private OsImageRecord image(String imageId) throws UpdateException {
        try {
            return images.get(imageId);
        } catch (ImageNotFoundException e) {
            throw new UpdateException(Reason.NO_SUCH_IMAGE, null, "no OS image has the ID " + imageId, e);
        } catch (CatalogException e) {
            throw new UpdateException(Reason.DATABASE, null, e.getMessage(), e);
        }
    }

    private ImageFacts facts(String imageId) throws UpdateException {
        try {
            return images.facts(imageId);
        } catch (ImageNotFoundException e) {
            throw new UpdateException(Reason.NO_SUCH_IMAGE, null, "no OS image has the ID " + imageId, e);
        } catch (CatalogException e) {
            throw new UpdateException(Reason.DATABASE, null, e.getMessage(), e);
        }
    }

    private SmbConfiguration smb() throws UpdateException {
        try {
            return SmbConfiguration.load(properties);
        } catch (IOException e) {
            throw new UpdateException(Reason.INVALID_ARGUMENT, null, "cannot read smb.properties: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(String operation, SiteDatabase.Work<T> work) throws UpdateException {
        return transactions.run(operation, work);
    }
}
