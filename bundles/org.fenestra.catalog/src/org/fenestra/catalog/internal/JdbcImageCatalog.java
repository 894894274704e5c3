package org.fenestra.catalog.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fenestra.catalog.api.CatalogChange;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.CatalogListener;
import org.fenestra.catalog.api.DuplicateImageNameException;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ListenerRegistration;
import org.fenestra.catalog.api.NewUpgradePackage;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageNotFoundException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@link ImageCatalog} service on a JDBC database (embedded H2 by default, PostgreSQL by
 * configuration, see {@link CatalogSettings}). Activation opens the database and migrates its
 * schema; a database it cannot use leaves the component unsatisfied with the reason in the log.
 *
 * <p>Listeners hear every committed change: this instance's own at once, and those of other
 * processes on the same database (site servers, workbenches, consoles) through the change journal
 * that each write records in its transaction, read by a {@link RemoteChangePoller}.
 */
@Component(service = { ImageCatalog.class, UpgradePackageCatalog.class, SiteDatabase.class })
public final class JdbcImageCatalog implements ImageCatalog, UpgradePackageCatalog, SiteDatabase, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JdbcImageCatalog.class.getName());

    private final ConnectionSource connections;
    private final TransactionRunner transactions;
    private final List<MigrationScript> appliedMigrations;
    private final Clock clock;
    private final OsImageTable images = new OsImageTable();
    private final ImageFactsTable imageFacts = new ImageFactsTable();
    private final UpgradePackageTable packageTable = new UpgradePackageTable();
    private final ImageIdAllocator ids = new ImageIdAllocator();
    private final CatalogListeners listeners = new CatalogListeners();
    private final ChangeJournal journal = new ChangeJournal();
    /** Marks this instance's journal rows, so its poller skips what it already announced. */
    private final String origin = UUID.randomUUID().toString();
    private final RemoteChangePoller remoteChanges;
    private volatile boolean closed;

    @Activate
    public JdbcImageCatalog(BundleContext context) throws CatalogException {
        this(CatalogSettings.from(context::getProperty), MigrationScripts.in(context.getBundle()), Clock.systemUTC());
    }

    /** Opens the database in {@code settings} and migrates it with {@code migrations}. */
    JdbcImageCatalog(CatalogSettings settings, List<MigrationScript> migrations, Clock clock) throws CatalogException {
        this.clock = clock;
        this.connections = new DriverConnectionSource(settings);
        this.transactions = new TransactionRunner(connections);
        try {
            this.appliedMigrations = new SchemaMigrator(connections, migrations).migrate();
            this.remoteChanges = RemoteChangePoller.start(transactions, journal, origin, listeners,
                    settings.changePoll());
        } catch (CatalogException | RuntimeException e) {
            connections.close();
            throw e;
        }
        LOG.log(Level.INFO, "OS image catalog open on {0}", settings);
    }

    /** The migrations this catalog applied when it opened; empty if the schema was current. */
    List<MigrationScript> appliedMigrations() {
        return appliedMigrations;
    }

    @Override
    public OsImageRecord add(NewOsImage image, ImageFacts facts) throws CatalogException {
        String operation = "add OS image '" + image.name() + "'";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what both databases keep
        OsImageRecord added = run(operation, connection -> {
            refuseTakenName(connection, image.name(), null);
            OsImageRecord record = new OsImageRecord(ids.allocate(connection), image.name(), image.version(),
                    image.comment(), image.sourcePath(), image.storedPath(), image.imageIndex(), image.osVersion(),
                    image.osEdition(), image.architecture(), image.language(), image.sizeBytes(), now,
                    image.eulaAcceptance(), 1, image.sourceIndex(), image.storedFileCreated());
            try {
                images.insert(connection, record);
            } catch (SQLException e) {
                throw duplicateOr(e, image.name());
            }
            imageFacts.store(connection, record.id(), facts);
            journal.record(connection, new CatalogChange(CatalogChange.Kind.ADDED, record.id()), origin, now);
            return record;
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.ADDED, added.id()));
        return added;
    }

    @Override
    public OsImageRecord get(String imageId) throws CatalogException {
        return run("read OS image " + imageId, connection -> images.selectById(connection, imageId)
                .orElseThrow(() -> new ImageNotFoundException(imageId)));
    }

    @Override
    public ServicingTarget target(String id) throws CatalogException {
        return run("read servicing target " + id, connection -> {
            OsImageRecord record = images.selectById(connection, id).orElseThrow(() -> new ImageNotFoundException(id));
            return targetOf(record, packageTable.select(connection, id).orElse(null));
        });
    }

    @Override
    public List<ServicingTarget> targets() throws CatalogException {
        return run("list servicing targets", connection -> {
            Map<String, UpgradePackageTable.Folder> folders = packageTable.selectAll(connection);
            List<ServicingTarget> targets = new ArrayList<>();
            for (OsImageRecord record : images.selectAllTargets(connection)) {
                targets.add(targetOf(record, folders.get(record.id())));
            }
            return targets;
        });
    }

    private static ServicingTarget targetOf(OsImageRecord record, UpgradePackageTable.Folder folder) {
        return folder == null
                ? new ServicingTarget(record.id(), ServicingTarget.Kind.OS_IMAGE, record.name(), record.storedPath(),
                        record.imageIndex(), record.architecture(), record.osVersion(), record.sizeBytes(),
                        record.contentVersion(), "")
                : packageOf(record, folder).target();
    }

    private static UpgradePackageRecord packageOf(OsImageRecord record, UpgradePackageTable.Folder folder) {
        return new UpgradePackageRecord(record.id(), record.name(), record.version(), record.comment(),
                record.sourcePath(), folder.storedFolder(), record.storedPath(), record.imageIndex(), record.osVersion(),
                record.osEdition(), record.architecture(), record.language(), record.sizeBytes(), folder.folderBytes(),
                folder.fileCount(), record.dateAdded(), record.eulaAcceptance().user(), record.contentVersion());
    }

    private boolean isUpgradePackage(Connection connection, String id) throws SQLException {
        return packageTable.select(connection, id).isPresent();
    }

    @Override
    public UpgradePackageRecord add(NewUpgradePackage upgradePackage, ImageFacts facts) throws CatalogException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UpgradePackageRecord added = run("add OS upgrade package '" + upgradePackage.name() + "'", connection -> {
            refuseTakenName(connection, upgradePackage.name(), null);
            String installWim = Path.of(upgradePackage.storedFolder()).resolve("sources").resolve("install.wim").toString();
            // The package's install.wim is a row of os_image (see V11): that row is the servicing target.
            OsImageRecord record = new OsImageRecord(ids.allocate(connection), upgradePackage.name(),
                    upgradePackage.version(), upgradePackage.comment(), upgradePackage.sourcePath(), installWim,
                    upgradePackage.imageIndex(), upgradePackage.osVersion(), upgradePackage.osEdition(),
                    upgradePackage.architecture(), upgradePackage.language(), upgradePackage.installWimBytes(), now,
                    new EulaAcceptance(upgradePackage.addedBy(), now), 1, upgradePackage.imageIndex(), false);
            try {
                images.insert(connection, record);
            } catch (SQLException e) {
                throw duplicateOr(e, upgradePackage.name());
            }
            UpgradePackageTable.Folder folder = new UpgradePackageTable.Folder(upgradePackage.storedFolder(),
                    upgradePackage.folderBytes(), upgradePackage.fileCount());
            packageTable.insert(connection, record.id(), folder);
            imageFacts.store(connection, record.id(), facts);
            journal.record(connection, new CatalogChange(CatalogChange.Kind.ADDED, record.id()), origin, now);
            return packageOf(record, folder);
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.ADDED, added.id()));
        return added;
    }

    @Override
    public UpgradePackageRecord upgradePackage(String packageId) throws CatalogException {
        return run("read OS upgrade package " + packageId, connection -> packageRow(connection, packageId));
    }

    private UpgradePackageRecord packageRow(Connection connection, String packageId)
            throws SQLException, CatalogException {
        UpgradePackageTable.Folder folder = packageTable.select(connection, packageId)
                .orElseThrow(() -> new UpgradePackageNotFoundException(packageId));
        OsImageRecord record = images.selectById(connection, packageId)
                .orElseThrow(() -> new UpgradePackageNotFoundException(packageId));
        return packageOf(record, folder);
    }

    @Override
    public List<UpgradePackageRecord> upgradePackages() throws CatalogException {
        return run("list OS upgrade packages", connection -> {
            Map<String, UpgradePackageTable.Folder> folders = packageTable.selectAll(connection);
            List<UpgradePackageRecord> packages = new ArrayList<>();
            for (OsImageRecord record : images.selectAllTargets(connection)) {
                UpgradePackageTable.Folder folder = folders.get(record.id());
                if (folder != null) {
                    packages.add(packageOf(record, folder));
                }
            }
            return packages;
        });
    }

    @Override
    public UpgradePackageRecord updatePackage(String packageId, GeneralProperties properties) throws CatalogException {
        UpgradePackageRecord updated = run("update OS upgrade package " + packageId, connection -> {
            packageRow(connection, packageId);
            refuseTakenName(connection, properties.name(), packageId);
            try {
                images.updateGeneral(connection, packageId, properties);
            } catch (SQLException e) {
                throw duplicateOr(e, properties.name());
            }
            journal.record(connection, new CatalogChange(CatalogChange.Kind.UPDATED, packageId), origin, clock.instant());
            return packageRow(connection, packageId);
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.UPDATED, packageId));
        return updated;
    }

    @Override
    public void removePackage(String packageId) throws CatalogException {
        run("remove OS upgrade package " + packageId, connection -> {
            packageRow(connection, packageId);
            images.delete(connection, packageId); // the package's row goes with it (ON DELETE CASCADE)
            journal.record(connection, new CatalogChange(CatalogChange.Kind.REMOVED, packageId), origin, clock.instant());
            return null;
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.REMOVED, packageId));
    }

    @Override
    public ImageFacts facts(String imageId) throws CatalogException {
        return run("read the facts of OS image " + imageId, connection -> {
            if (images.selectById(connection, imageId).isEmpty()) {
                throw new ImageNotFoundException(imageId);
            }
            return imageFacts.select(connection, imageId).orElse(ImageFacts.UNKNOWN);
        });
    }

    @Override
    public void setFacts(String imageId, ImageFacts facts) throws CatalogException {
        run("store the facts of OS image " + imageId, connection -> {
            if (images.selectById(connection, imageId).isEmpty()) {
                throw new ImageNotFoundException(imageId);
            }
            imageFacts.store(connection, imageId, facts);
            journal.record(connection, new CatalogChange(CatalogChange.Kind.UPDATED, imageId), origin, clock.instant());
            return null;
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.UPDATED, imageId));
    }

    @Override
    public Optional<OsImageRecord> findByName(String name) throws CatalogException {
        return run("find OS image '" + name + "'", connection -> {
            Optional<OsImageRecord> found = images.selectByName(connection, name);
            return found.isPresent() && isUpgradePackage(connection, found.get().id()) ? Optional.empty() : found;
        });
    }

    @Override
    public List<OsImageRecord> list() throws CatalogException {
        return run("list OS images", images::selectAll);
    }

    @Override
    public OsImageRecord update(String imageId, GeneralProperties properties) throws CatalogException {
        OsImageRecord updated = run("update OS image " + imageId, connection -> {
            refuseTakenName(connection, properties.name(), imageId);
            try {
                if (!images.updateGeneral(connection, imageId, properties)) {
                    throw new ImageNotFoundException(imageId);
                }
            } catch (SQLException e) {
                throw duplicateOr(e, properties.name());
            }
            journal.record(connection, new CatalogChange(CatalogChange.Kind.UPDATED, imageId), origin, clock.instant());
            return images.selectById(connection, imageId).orElseThrow(() -> new ImageNotFoundException(imageId));
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.UPDATED, imageId));
        return updated;
    }

    @Override
    public void remove(String imageId) throws CatalogException {
        run("remove OS image " + imageId, connection -> {
            if (isUpgradePackage(connection, imageId)) {
                throw new CatalogException(imageId + " is an OS upgrade package, not an OS image: remove it as an upgrade package");
            }
            if (!images.delete(connection, imageId)) {
                throw new ImageNotFoundException(imageId);
            }
            journal.record(connection, new CatalogChange(CatalogChange.Kind.REMOVED, imageId), origin, clock.instant());
            return null;
        });
        listeners.fire(new CatalogChange(CatalogChange.Kind.REMOVED, imageId));
    }

    @Override
    public ListenerRegistration addListener(CatalogListener listener) {
        return listeners.add(listener);
    }

    @Override
    public <T> T inTransaction(String operation, Work<T> work) throws CatalogException {
        return run(operation, work);
    }

    @Override
    public Product product() {
        return connections.dialect() == SqlDialect.POSTGRESQL ? Product.POSTGRESQL : Product.H2;
    }

    @Override
    public String location() {
        return connections.describe();
    }

    @Override
    @Deactivate
    public void close() {
        closed = true;
        remoteChanges.close();
        connections.close();
    }

    private <T> T run(String operation, Work<T> work) throws CatalogException {
        if (closed) {
            throw new CatalogException("Cannot " + operation + ": the catalog is closed");
        }
        return transactions.inTransaction(operation, work);
    }

    /**
     * Checked before writing so the admin learns which image has the name; the unique constraint
     * still decides when two site servers race for one name (see {@link #duplicateOr}).
     */
    private void refuseTakenName(Connection connection, String name, String renamedImageId)
            throws SQLException, DuplicateImageNameException {
        Optional<OsImageRecord> holder = images.selectByName(connection, name);
        if (holder.isPresent() && !holder.get().id().equals(renamedImageId)) {
            throw new DuplicateImageNameException(name, holder.get().id());
        }
    }

    private static SQLException duplicateOr(SQLException e, String name) throws DuplicateImageNameException {
        if (SqlDialect.isUniqueViolation(e)) {
            DuplicateImageNameException duplicate = new DuplicateImageNameException(name, null);
            duplicate.initCause(e);
            throw duplicate;
        }
        return e;
    }
}
