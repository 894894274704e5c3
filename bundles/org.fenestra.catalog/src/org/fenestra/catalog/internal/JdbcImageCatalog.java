package org.fenestra.catalog.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.fenestra.catalog.api.ListenerRegistration;
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
@Component(service = { ImageCatalog.class, SiteDatabase.class })
public final class JdbcImageCatalog implements ImageCatalog, SiteDatabase, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JdbcImageCatalog.class.getName());

    private final ConnectionSource connections;
    private final TransactionRunner transactions;
    private final List<MigrationScript> appliedMigrations;
    private final Clock clock;
    private final OsImageTable images = new OsImageTable();
    private final ImageFactsTable imageFacts = new ImageFactsTable();
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
        return run("find OS image '" + name + "'", connection -> images.selectByName(connection, name));
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
