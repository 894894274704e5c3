package org.fenestra.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.CatalogChange;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.DuplicateImageNameException;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.ListenerRegistration;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.NewUpgradePackage;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.UpgradePackageNotFoundException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * What every catalog database must do, run against each (H2 and PostgreSQL) by a subclass that
 * supplies a new empty database per test. The tests are final: a database passes them all, or
 * it is not supported.
 */
abstract class ImageCatalogContract {

    /** Nanoseconds on purpose: the catalog keeps microseconds, on every database. */
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<JdbcImageCatalog> opened = new ArrayList<>();
    private CatalogSettings database;

    /** Settings for a new, empty database; each test gets its own. */
    protected abstract CatalogSettings newDatabase() throws Exception;

    @BeforeEach
    final void createDatabase() throws Exception {
        database = newDatabase();
    }

    @AfterEach
    final void closeCatalogs() {
        opened.forEach(JdbcImageCatalog::close);
    }

    @Test
    final void addedImageReadsBackWithEveryField() throws Exception {
        JdbcImageCatalog catalog = open();
        NewOsImage image = image("Windows 11 Enterprise 22H2");

        OsImageRecord added = catalog.add(image);

        assertEquals(new OsImageRecord("FEN00001", image.name(), image.version(), image.comment(), image.sourcePath(),
                image.storedPath(), image.imageIndex(), image.osVersion(), image.osEdition(), image.architecture(),
                image.language(), image.sizeBytes(), Instant.parse("2026-11-24T10:15:30.123456Z"),
                image.eulaAcceptance(), 1, image.sourceIndex(), image.storedFileCreated()), added);
        assertEquals(added, catalog.get("FEN00001"));
        assertEquals(List.of(added), catalog.list());
        assertEquals(Optional.of(added), catalog.findByName(image.name()));
        assertEquals(Optional.empty(), catalog.findByName("Windows 10"));
    }

    @Test
    final void upgradePackagesAreServicingTargetsButNotImages() throws Exception {
        JdbcImageCatalog catalog = open();
        OsImageRecord image = catalog.add(image("Windows 11 Enterprise"));
        ImageFacts facts = new ImageFacts("Windows 11 Pro", "Professional", "Client", 22631, 2861, "23H2", List.of("en-US"));
        NewUpgradePackage media = new NewUpgradePackage("Windows 11 23H2 upgrade", "23H2", "setup media",
                "\\\\files\\media\\w11", "/data/upgrade-packages/FEN-media", 2, "10.0.22631.2861", "Professional",
                Architecture.X64, "en-US", 5_000_000L, 6_000_000L, 42, "admin");

        UpgradePackageRecord added = catalog.add(media, facts);

        assertEquals("FEN00002", added.id(), "images and upgrade packages share one ID space");
        assertEquals(new UpgradePackageRecord("FEN00002", media.name(), "23H2", "setup media", media.sourcePath(),
                media.storedFolder(), java.nio.file.Path.of(media.storedFolder(), "sources", "install.wim").toString(), 2,
                "10.0.22631.2861", "Professional", Architecture.X64, "en-US", 5_000_000L, 6_000_000L, 42,
                Instant.parse("2026-11-24T10:15:30.123456Z"), "admin", 1), added);
        assertEquals(added, catalog.upgradePackage(added.id()));
        assertEquals(List.of(added), catalog.upgradePackages());
        assertEquals(List.of(image), catalog.list(), "the OS Images view lists no upgrade package");
        assertEquals(Optional.empty(), catalog.findByName(media.name()));
        assertEquals(facts, catalog.facts(added.id()), "applicability reads the install.wim's facts by the package's ID");

        assertEquals(List.of(new ServicingTarget(image.id(), ServicingTarget.Kind.OS_IMAGE, image.name(), image.storedPath(),
                image.imageIndex(), image.architecture(), image.osVersion(), image.sizeBytes(), 1, ""), added.target()),
                catalog.targets());
        assertEquals(added.target(), catalog.target(added.id()));
        assertEquals(ServicingTarget.Kind.OS_IMAGE, catalog.target(image.id()).kind());
        assertThrows(ImageNotFoundException.class, () -> catalog.target("FEN09999"));

        assertThrows(DuplicateImageNameException.class, () -> catalog.add(image("WINDOWS 11 23H2 UPGRADE")));
        assertThrows(DuplicateImageNameException.class, () -> catalog.add(media, facts));
        assertThrows(UpgradePackageNotFoundException.class, () -> catalog.upgradePackage(image.id()));
        assertThrows(UpgradePackageNotFoundException.class, () -> catalog.removePackage(image.id()));
        CatalogException notAnImage = assertThrows(CatalogException.class, () -> catalog.remove(added.id()));
        assertTrue(notAnImage.getMessage().contains("upgrade package"), notAnImage.getMessage());

        UpgradePackageRecord renamed = catalog.updatePackage(added.id(), new GeneralProperties("Win11 media", "v2", ""));
        assertEquals("Win11 media", renamed.name());
        assertEquals("v2", catalog.upgradePackage(added.id()).version());

        catalog.removePackage(added.id());
        assertEquals(List.of(), catalog.upgradePackages());
        assertThrows(ImageNotFoundException.class, () -> catalog.target(added.id()));
        assertEquals(List.of(image), catalog.list());
    }

    @Test
    final void factsAddedWithAnImageReadBackAndCanBeReplaced() throws Exception {
        JdbcImageCatalog catalog = open();
        ImageFacts facts = new ImageFacts("Windows 10 Enterprise", "Enterprise", "Client", 26100, 4317, "24H2",
                List.of("de-DE", "en-US"));
        OsImageRecord withFacts = catalog.add(image("Windows 11"), facts);
        OsImageRecord without = catalog.add(image("Linux tree"));

        assertEquals(facts, catalog.facts(withFacts.id()));
        assertEquals(ImageFacts.UNKNOWN, catalog.facts(without.id()));
        assertEquals("26100.4317", catalog.facts(withFacts.id()).buildText());

        ImageFacts partly = new ImageFacts("", "Core", "", 22621, -1, "", List.of());
        catalog.setFacts(without.id(), partly);
        assertEquals(partly, catalog.facts(without.id()), "unknown numbers stay unknown, not 0");
        catalog.setFacts(withFacts.id(), ImageFacts.UNKNOWN);
        assertEquals(ImageFacts.UNKNOWN, catalog.facts(withFacts.id()));

        assertThrows(ImageNotFoundException.class, () -> catalog.facts("FEN09999"));
        assertThrows(ImageNotFoundException.class, () -> catalog.setFacts("FEN09999", facts));
        catalog.remove(without.id());
        assertThrows(ImageNotFoundException.class, () -> catalog.facts(without.id()));
    }

    @Test
    final void removedImageIsGoneAndItsIdIsNeverReused() throws Exception {
        JdbcImageCatalog catalog = open();
        OsImageRecord first = catalog.add(image("First"));
        OsImageRecord second = catalog.add(image("Second"));

        catalog.remove(first.id());

        assertThrows(ImageNotFoundException.class, () -> catalog.get(first.id()));
        assertEquals(Optional.empty(), catalog.findByName("First"));
        assertEquals(List.of(second), catalog.list());
        assertEquals("FEN00003", catalog.add(image("First")).id(), "a removed image's ID is not allocated again");
    }

    @Test
    final void idsAreSequentialAndStableAfterReopen() throws Exception {
        JdbcImageCatalog catalog = open();
        List<OsImageRecord> added = new ArrayList<>();
        for (String name : List.of("Windows 10 LTSC", "Windows 11 Pro", "Windows Server 2022")) {
            added.add(catalog.add(image(name)));
        }
        assertEquals(List.of("FEN00001", "FEN00002", "FEN00003"), added.stream().map(OsImageRecord::id).toList());
        catalog.close();

        JdbcImageCatalog reopened = open();

        assertEquals(added, reopened.list());
        assertEquals("FEN00004", reopened.add(image("Windows Server 2025")).id());
    }

    @Test
    final void namesAreUniqueIgnoringCase() throws Exception {
        JdbcImageCatalog catalog = open();
        OsImageRecord original = catalog.add(image("Windows 11 Enterprise"));

        DuplicateImageNameException duplicate = assertThrows(DuplicateImageNameException.class,
                () -> catalog.add(image("WINDOWS 11 enterprise")));

        assertEquals("WINDOWS 11 enterprise", duplicate.name());
        assertTrue(duplicate.getMessage().contains("FEN00001"), duplicate.getMessage());
        assertEquals(List.of(original), catalog.list());
        assertEquals(Optional.of(original), catalog.findByName("windows 11 ENTERPRISE"));
    }

    @Test
    final void updateReplacesTheGeneralPropertiesOnly() throws Exception {
        JdbcImageCatalog catalog = open();
        OsImageRecord original = catalog.add(image("Windows 11"));
        OsImageRecord other = catalog.add(image("Windows 10"));

        OsImageRecord updated = catalog.update(original.id(),
                new GeneralProperties("Windows 11 Finance", "23H2", "Finance build, with Office"));

        assertEquals(new GeneralProperties("Windows 11 Finance", "23H2", "Finance build, with Office"),
                updated.generalProperties());
        assertEquals(withGeneral(original, updated.generalProperties()), updated, "only name, version and comment change");
        assertEquals(updated, catalog.get(original.id()));
        assertEquals(Optional.of(updated), catalog.findByName("windows 11 finance"));
        assertEquals(Optional.empty(), catalog.findByName("Windows 11"));

        OsImageRecord recased = catalog.update(original.id(), new GeneralProperties("WINDOWS 11 FINANCE", "23H2", null));
        assertEquals("WINDOWS 11 FINANCE", recased.name(), "an image may change the case of its own name");
        assertEquals("", recased.comment());

        assertThrows(DuplicateImageNameException.class,
                () -> catalog.update(original.id(), new GeneralProperties("windows 10", "x", "y")));
        assertEquals(recased, catalog.get(original.id()), "a refused rename changes nothing");
        assertEquals(other, catalog.get(other.id()));
    }

    @Test
    final void unknownIdsAreReportedAsNotFound() throws Exception {
        JdbcImageCatalog catalog = open();
        catalog.add(image("Windows 11"));

        ImageNotFoundException get = assertThrows(ImageNotFoundException.class, () -> catalog.get("FEN09999"));
        assertEquals("FEN09999", get.imageId());
        assertTrue(get.getMessage().contains("FEN09999"), get.getMessage());
        assertThrows(ImageNotFoundException.class,
                () -> catalog.update("FEN09999", new GeneralProperties("Windows 12", "", "")));
        assertThrows(ImageNotFoundException.class, () -> catalog.remove("FEN09999"));
        assertEquals(Optional.empty(), catalog.findByName("Windows 12"));
        assertEquals(1, catalog.list().size());
    }

    @Test
    final void aFailedAddLeavesNoPartialRecordAndNoGapInIds() throws Exception {
        JdbcImageCatalog catalog = open();
        catalog.add(image("Windows 11"));
        NewOsImage tooLong = withComment(image("Windows 10"), "x".repeat(5000));

        // The ID is allocated (the counter row updated), then the insert violates the column size:
        // the rollback must take back both.
        CatalogException failure = assertThrows(CatalogException.class, () -> catalog.add(tooLong));

        assertFalse(failure instanceof DuplicateImageNameException, failure.toString());
        assertTrue(failure.getMessage().contains("add OS image 'Windows 10'"), failure.getMessage());
        assertEquals(List.of("FEN00001"), catalog.list().stream().map(OsImageRecord::id).toList());
        assertEquals(Optional.empty(), catalog.findByName("Windows 10"));
        assertEquals("FEN00002", catalog.add(image("Windows 10")).id(), "the failed add gave its ID back");
    }

    @Test
    final void concurrentAddsFromTwoCatalogsGetDistinctIds() throws Exception {
        // Two catalogs on one database stand for two site servers sharing it.
        List<JdbcImageCatalog> servers = List.of(open(), open());
        int perServer = 15;

        List<List<String>> ids = concurrently(servers.size(), server -> {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < perServer; i++) {
                own.add(servers.get(server).add(image("Server " + server + " image " + i)).id());
            }
            return own;
        });

        List<String> all = ids.stream().flatMap(List::stream).sorted().toList();
        List<String> expected = IntStream.rangeClosed(1, servers.size() * perServer)
                .mapToObj(ImageIdAllocator::format).toList();
        assertEquals(expected, all, "every ID allocated once, without gaps");
        assertEquals(expected, servers.get(0).list().stream().map(OsImageRecord::id).toList());
    }

    @Test
    final void concurrentAddsOfOneNameStoreItOnce() throws Exception {
        List<JdbcImageCatalog> servers = List.of(open(), open());
        int names = 10;
        Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();

        concurrently(servers.size(), server -> {
            for (int i = 0; i < names; i++) {
                String name = "Race " + i;
                try {
                    servers.get(server).add(image(server == 0 ? name : name.toUpperCase()));
                    stored.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                } catch (DuplicateImageNameException expected) {
                    // the other server won this name
                }
            }
            return null;
        });

        assertEquals(names, stored.size());
        stored.forEach((name, count) -> assertEquals(1, count.get(), name + " stored more than once"));
        assertEquals(names, servers.get(0).list().size());
    }

    @Test
    final void reopeningAppliesNoMigrations() throws Exception {
        JdbcImageCatalog first = open();
        assertEquals(shippedMigrations().stream().map(MigrationScript::name).toList(),
                first.appliedMigrations().stream().map(MigrationScript::name).toList());
        first.add(image("Windows 11"));
        first.close();

        JdbcImageCatalog second = open();

        assertEquals(List.of(), second.appliedMigrations());
        assertEquals(latestVersion(), schemaVersion());
        assertEquals(1, second.list().size());
    }

    @Test
    final void serversOpeningANewDatabaseAtOnceMigrateItOnce() throws Exception {
        int servers = 4;

        List<JdbcImageCatalog> catalogs = concurrently(servers, server -> open());

        int applied = catalogs.stream().mapToInt(catalog -> catalog.appliedMigrations().size()).sum();
        assertEquals(latestVersion(), applied, "each migration applied by exactly one of the servers");
        assertEquals(latestVersion(), schemaVersion());
        for (JdbcImageCatalog catalog : catalogs) {
            catalog.add(image("Image of " + System.identityHashCode(catalog)));
        }
        assertEquals(servers, catalogs.get(0).list().size());
    }

    @Test
    final void anExtractedImageKeepsItsSourceIndexAndItsIndexInTheStoredFile() throws Exception {
        JdbcImageCatalog catalog = open();
        NewOsImage extracted = new NewOsImage("Extracted", "", "", "/images/install.wim", "/images/install-index3.wim",
                1, "10.0.22621.2428", "Enterprise", Architecture.X64, "en-US", 1024, image("x").eulaAcceptance(), 3,
                true);

        OsImageRecord added = catalog.add(extracted);

        assertEquals(1, added.imageIndex());
        assertEquals(3, added.sourceIndex());
        assertTrue(added.storedFileCreated());
        assertEquals(added, open().get(added.id()));
        OsImageRecord asIs = catalog.add(image("As is"));
        assertEquals(3, asIs.sourceIndex());
        assertFalse(asIs.storedFileCreated());
    }

    @Test
    final void migratingToV3SplitsTheIndexOfImagesExtractedBefore() throws Exception {
        new JdbcImageCatalog(database, shippedMigrations().subList(0, 2), CLOCK).close();
        try (DriverConnectionSource connections = new DriverConnectionSource(database);
                Connection connection = connections.open()) {
            insertV2Row(connection, "FEN00001", "Extracted before V3", "/images/install.wim", "/images/install-index2.wim", 2);
            insertV2Row(connection, "FEN00002", "Whole file", "/images/boot.wim", "/images/boot.wim", 1);
        }

        JdbcImageCatalog catalog = open();

        assertTrue(catalog.appliedMigrations().stream().anyMatch(m -> m.version() == 3), "V3 applied");
        OsImageRecord extracted = catalog.get("FEN00001");
        assertEquals(1, extracted.imageIndex(), "the extracted file holds the image as its index 1");
        assertEquals(2, extracted.sourceIndex());
        assertTrue(extracted.storedFileCreated());
        OsImageRecord whole = catalog.get("FEN00002");
        assertEquals(1, whole.imageIndex());
        assertEquals(1, whole.sourceIndex());
        assertFalse(whole.storedFileCreated());
    }

    /** A row as schema V2 stored it: one index, the one chosen in the source, even for an extracted file. */
    private static void insertV2Row(Connection connection, String id, String name, String source, String stored,
            int index) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO os_image (image_id, image_name,"
                + " name_key, image_version, image_comment, source_path, stored_path, image_index, os_version,"
                + " os_edition, architecture, os_language, size_bytes, date_added, eula_accepted_by, eula_accepted_at,"
                + " content_version) VALUES (?, ?, ?, '', '', ?, ?, ?, '10.0', 'Pro', 'X64', 'en-US', 1, ?, 'admin', ?, 1)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, OsImageTable.nameKey(name));
            insert.setString(4, source);
            insert.setString(5, stored);
            insert.setInt(6, index);
            insert.setObject(7, NOW.atOffset(ZoneOffset.UTC));
            insert.setObject(8, NOW.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @Test
    final void aDatabaseWithANewerSchemaIsRefused() throws Exception {
        open().close();
        int newer = latestVersion() + 1;
        try (DriverConnectionSource connections = new DriverConnectionSource(database);
                Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version_number, description, applied_at) VALUES (?, 'from_the_future', ?)")) {
            insert.setInt(1, newer);
            insert.setObject(2, NOW.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }

        SchemaTooNewException refused = assertThrows(SchemaTooNewException.class, this::open);

        assertTrue(refused.getMessage().contains("schema version " + newer + ", newer than this Fenestra supports ("
                + latestVersion() + ")"),
                refused.getMessage());
    }

    @Test
    final void aFailedMigrationIsNotRecorded() throws Exception {
        List<MigrationScript> broken = new ArrayList<>(shippedMigrations());
        int latest = latestVersion();
        broken.add(new MigrationScript(latest + 1, "broken", """
                CREATE TABLE probe_table (probe INTEGER);
                INSERT INTO no_such_table (probe) VALUES (1);
                """));

        CatalogException failure = assertThrows(CatalogException.class,
                () -> new JdbcImageCatalog(database, broken, CLOCK));

        assertTrue(failure.getMessage().contains("V" + (latest + 1) + "__broken failed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("at statement 2"), failure.getMessage());
        assertTrue(failure.getMessage().contains("stays at version " + latest), failure.getMessage());
        assertEquals(latest, schemaVersion());
        JdbcImageCatalog catalog = open();
        assertEquals(List.of(), catalog.appliedMigrations(), "the shipped migrations were committed before the broken one failed");
        assertEquals("FEN00001", catalog.add(image("Windows 11")).id());
    }

    @Test
    final void listenersHearCommittedChangesOnly() throws Exception {
        JdbcImageCatalog catalog = open();
        List<CatalogChange> heard = Collections.synchronizedList(new ArrayList<>());
        catalog.addListener(change -> {
            throw new IllegalStateException("a broken listener must not break the change or the other listeners");
        });
        ListenerRegistration registration = catalog.addListener(heard::add);

        OsImageRecord added = catalog.add(image("Windows 11"));
        assertThrows(DuplicateImageNameException.class, () -> catalog.add(image("windows 11")));
        catalog.update(added.id(), new GeneralProperties("Windows 11 Pro", "", ""));
        catalog.remove(added.id());
        registration.close();
        catalog.add(image("Windows 10"));

        assertEquals(List.of(
                new CatalogChange(CatalogChange.Kind.ADDED, "FEN00001"),
                new CatalogChange(CatalogChange.Kind.UPDATED, "FEN00001"),
                new CatalogChange(CatalogChange.Kind.REMOVED, "FEN00001")), heard);
        assertEquals(List.of("Windows 10"), catalog.list().stream().map(OsImageRecord::name).toList(),
                "the changes happened despite the broken listener");
    }

    @Test
    final void changesCommittedByAnotherProcessOnTheDatabaseAreHeard() throws Exception {
        database = database.withChangePoll(Duration.ofMillis(50));
        JdbcImageCatalog siteServer = open();
        JdbcImageCatalog workbench = open();
        BlockingQueue<CatalogChange> heardByWorkbench = new LinkedBlockingQueue<>();
        BlockingQueue<CatalogChange> heardBySiteServer = new LinkedBlockingQueue<>();
        workbench.addListener(heardByWorkbench::add);
        siteServer.addListener(heardBySiteServer::add);

        OsImageRecord added = siteServer.add(image("Windows 11"));
        assertThrows(DuplicateImageNameException.class, () -> siteServer.add(image("windows 11")));
        siteServer.update(added.id(), new GeneralProperties("Windows 11 Pro", "", ""));
        siteServer.remove(added.id());

        assertEquals(List.of(
                new CatalogChange(CatalogChange.Kind.ADDED, added.id()),
                new CatalogChange(CatalogChange.Kind.UPDATED, added.id()),
                new CatalogChange(CatalogChange.Kind.REMOVED, added.id())), take(heardByWorkbench, 3),
                "the workbench hears the site server's committed changes in order, not the refused duplicate");
        OsImageRecord fromWorkbench = workbench.add(image("Windows 10"));
        assertEquals(List.of(new CatalogChange(CatalogChange.Kind.ADDED, fromWorkbench.id())),
                take(heardByWorkbench, 1), "its own change, at once");
        assertEquals(List.of(
                new CatalogChange(CatalogChange.Kind.ADDED, added.id()),
                new CatalogChange(CatalogChange.Kind.UPDATED, added.id()),
                new CatalogChange(CatalogChange.Kind.REMOVED, added.id()),
                new CatalogChange(CatalogChange.Kind.ADDED, fromWorkbench.id())), take(heardBySiteServer, 4));
        Thread.sleep(300); // several more polls: nobody hears a change twice
        assertEquals(List.of(), List.copyOf(heardByWorkbench));
        assertEquals(List.of(), List.copyOf(heardBySiteServer));
    }

    /** The next {@code count} changes heard, waiting for each at most a minute. */
    private static List<CatalogChange> take(BlockingQueue<CatalogChange> heard, int count) throws InterruptedException {
        List<CatalogChange> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CatalogChange change = heard.poll(1, TimeUnit.MINUTES);
            if (change == null) {
                break;
            }
            taken.add(change);
        }
        return taken;
    }

    @Test
    final void aClosedCatalogSaysSo() throws Exception {
        JdbcImageCatalog catalog = open();
        catalog.close();

        CatalogException closed = assertThrows(CatalogException.class, catalog::list);
        assertTrue(closed.getMessage().contains("list OS images: the catalog is closed"), closed.getMessage());
    }

    @Test
    final void siteDatabaseWorkCommitsOnReturnAndRollsBackOnFailure() throws Exception {
        JdbcImageCatalog catalog = open();
        SiteDatabase site = catalog;
        site.inTransaction("create a scratch table", c -> c.createStatement().execute(
                "CREATE TABLE scratch_rows (name VARCHAR(40) NOT NULL)"));
        site.inTransaction("insert a row", c -> c.createStatement().executeUpdate(
                "INSERT INTO scratch_rows (name) VALUES ('kept')"));
        CatalogException failed = assertThrows(CatalogException.class, () -> site.inTransaction("insert and fail",
                c -> {
                    c.createStatement().executeUpdate("INSERT INTO scratch_rows (name) VALUES ('rolled back')");
                    throw new CatalogException("the work failed");
                }));
        assertEquals("the work failed", failed.getMessage());

        List<String> rows = site.inTransaction("read rows", c -> {
            List<String> names = new ArrayList<>();
            try (var result = c.createStatement().executeQuery("SELECT name FROM scratch_rows")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        });
        assertEquals(List.of("kept"), rows);
        CatalogException sqlFailure = assertThrows(CatalogException.class,
                () -> site.inTransaction("read a missing table", c -> c.createStatement().executeQuery(
                        "SELECT * FROM no_such_table")));
        assertTrue(sqlFailure.getMessage().startsWith("Cannot read a missing table in the catalog "),
                sqlFailure.getMessage());
        assertEquals(database.url().startsWith("jdbc:postgresql:") ? SiteDatabase.Product.POSTGRESQL
                : SiteDatabase.Product.H2, site.product());
        assertTrue(site.location().startsWith(database.url()), site.location());
        if (database.password() != null && !database.password().isEmpty()) {
            assertFalse(site.location().contains(database.password()), "the password never shows");
        }
    }

    /** A catalog on this test's database, closed after the test. */
    private JdbcImageCatalog open() throws CatalogException {
        JdbcImageCatalog catalog = new JdbcImageCatalog(database, shippedMigrations(), CLOCK);
        synchronized (opened) {
            opened.add(catalog);
        }
        return catalog;
    }

    private static int latestVersion() {
        List<MigrationScript> shipped = shippedMigrations();
        return shipped.get(shipped.size() - 1).version();
    }

    private static List<MigrationScript> shippedMigrations() {
        return MigrationScripts.in(FrameworkUtil.getBundle(JdbcImageCatalog.class));
    }

    private int schemaVersion() throws Exception {
        try (DriverConnectionSource connections = new DriverConnectionSource(database);
                Connection connection = connections.open()) {
            return SchemaMigrator.currentVersion(connection);
        }
    }

    @FunctionalInterface
    private interface Worker<T> {
        T run(int worker) throws Exception;
    }

    /** Runs {@code count} workers at once and returns their results in worker order. */
    private static <T> List<T> concurrently(int count, Worker<T> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                Callable<T> task = () -> {
                    start.await();
                    return worker.run(number);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static NewOsImage image(String name) {
        return new NewOsImage(name, "22H2", "Reference image, " + name, "\\\\fileserver\\os$\\win11\\install.wim",
                "/srv/fenestra/content/" + name + ".wim", 3, "10.0.22621.2428", "Enterprise", Architecture.X64,
                "en-US", 5_368_709_120L, new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-20T08:30:00.987654321Z")));
    }

    private static NewOsImage withComment(NewOsImage image, String comment) {
        return new NewOsImage(image.name(), image.version(), comment, image.sourcePath(), image.storedPath(),
                image.imageIndex(), image.osVersion(), image.osEdition(), image.architecture(), image.language(),
                image.sizeBytes(), image.eulaAcceptance(), image.sourceIndex(), image.storedFileCreated());
    }

    private static OsImageRecord withGeneral(OsImageRecord image, GeneralProperties general) {
        return new OsImageRecord(image.id(), general.name(), general.version(), general.comment(), image.sourcePath(),
                image.storedPath(), image.imageIndex(), image.osVersion(), image.osEdition(), image.architecture(),
                image.language(), image.sizeBytes(), image.dateAdded(), image.eulaAcceptance(), image.contentVersion(),
                image.sourceIndex(), image.storedFileCreated());
    }
}
