package org.fenestra.updates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.TestCatalogs;
import org.fenestra.catalog.testing.TestCatalogs.OpenCatalog;
import org.fenestra.updates.api.ApplicableBuild;
import org.fenestra.updates.api.ApplicableBuild.Comparison;
import org.fenestra.updates.api.DownloadResult;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateSource;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.testing.TestPackages;
import org.fenestra.updates.testing.TestPackages.Parent;
import org.fenestra.updates.testing.Tools;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the software updates catalog must do on every site database, run against each (H2 and
 * PostgreSQL) by a subclass that supplies a new empty database per test. The packages are made in
 * the set-up with gcab and wimlib-imagex (see {@link TestPackages}); the tests are final.
 */
abstract class SoftwareUpdatesContract {

    private static final List<Parent> WIN11 = List.of(new Parent("10.0.22621.1", "EQ", "GE"));
    private static final String ROLLUP = "Package_for_RollupFix";

    /** Package files made once per class; each test copies those it needs into a fresh source folder. */
    static Path made;
    static Path imageWim;

    @TempDir
    Path folder;

    private OpenCatalog catalog;
    private JdbcSoftwareUpdates updates;
    private Path source;

    /** A new, empty site database; each test gets its own. */
    protected abstract DatabaseLogin newDatabase() throws Exception;

    @BeforeAll
    static void makePackages(@TempDir Path work) throws Exception {
        made = Files.createDirectories(work.resolve("made"));
        TestPackages packages = new TestPackages(work);
        packages.cbs(made.resolve("lcu-2361-x64.cab"),
                TestPackages.mum(ROLLUP, "22621.2361.1.0", "amd64", "KB5030219", "Security Update", WIN11, false), true);
        Path ssu = packages.cbs(work.resolve("ssu.cab"),
                TestPackages.mum("Package_for_ServicingStack_2420", "22621.2420.1.0", "amd64", "KB5031600", "Update", WIN11, false), false);
        Path lcu2428 = packages.cbs(work.resolve("lcu.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "amd64", "KB5031354", "Security Update", WIN11, false), true);
        Map<String, Path> payloads = new LinkedHashMap<>();
        payloads.put("SSU-22621.2420-x64.cab", ssu);
        payloads.put("Windows11.0-KB5031354-x64.cab", lcu2428);
        packages.msu(made.resolve("windows11.0-kb5031354-x64.msu"), "KB5031354", "amd64", payloads);
        Map<String, Path> wimPayload = new LinkedHashMap<>();
        wimPayload.put("Windows11.0-KB5043080-x64.wim", packages.payloadWim(work.resolve("payload.wim"), TestPackages.mum(
                "Package_for_KB5043080", "26100.1742.1.10", "amd64", "KB5043080", "Security Update",
                List.of(new Parent("10.0.26100.1", "EQ", "GE")), false)));
        wimPayload.put("Windows11.0-KB5043080-x64.psf", Files.write(work.resolve("delta.psf"), TestPackages.bytes(5000)));
        packages.msu(made.resolve("windows11.0-kb5043080-x64.msu"), "KB5043080", "amd64", wimPayload);
        packages.cbs(made.resolve("lcu-2506-x64-psfx.cab"),
                TestPackages.mum(ROLLUP, "22621.2506.1.0", "amd64", "KB5032190", "Security Update", WIN11, true), true);
        packages.cbs(made.resolve("lcu-2428-x86.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "x86", "KB5031354", "Security Update", WIN11, false), true);
        packages.cbs(made.resolve("lcu-2428-arm64.cab"),
                TestPackages.mum(ROLLUP, "22621.2428.1.4", "arm64", "KB5031354", "Security Update", WIN11, false), false);
        packages.cbs(made.resolve("win10-19045-x64.cab"), TestPackages.mum(ROLLUP, "19041.3570.1.6", "amd64", "KB5031356",
                "Security Update", List.of(new Parent("10.0.19045.1", "EQ", "GE")), false), true);
        TestPackages.fpkg(made.resolve("contoso-1.fpkg"), TestPackages.fpkgManifest("FPK-1", "neutral", null, "10.0.22621.0"),
                TestPackages.fpkgPayload());
        TestPackages.fpkg(made.resolve("contoso-2.fpkg"), TestPackages.fpkgManifest("FPK-2", "amd64", "FPK-1", "10.0.22621.0"),
                TestPackages.fpkgPayload());
        Path readme = Files.createDirectories(work.resolve("plain"));
        Files.writeString(readme.resolve("readme.txt"), "not an update");
        Tools.gcab(readme, made.resolve("drivers.cab"), true, List.of("readme.txt"));
        Files.writeString(made.resolve("notes.msu"), "downloaded from the catalog on Tuesday\n");

        Map<String, String> installed = new LinkedHashMap<>();
        installed.put(ROLLUP + "~31bf3856ad364e35~amd64~~22621.2361.1.0.mum",
                TestPackages.mum(ROLLUP, "22621.2361.1.0", "amd64", "KB5030219", "Security Update", WIN11, false));
        installed.put("Package_for_KB5012170~31bf3856ad364e35~amd64~~22621.1.1.0.mum",
                TestPackages.mum("Package_for_KB5012170", "22621.1.1.0", "amd64", "KB5012170", "Security Update", WIN11, false));
        imageWim = packages.wim(work.resolve("images/win11-x64.wim"), 9, "10.0.22621", 2361, installed);
    }

    @BeforeEach
    final void open() throws Exception {
        catalog = TestCatalogs.open(newDatabase());
        updates = new JdbcSoftwareUpdates(catalog.database(), catalog.images(), name -> null, folder.resolve("library"),
                Clock.systemUTC());
        source = Files.createDirectories(folder.resolve("source"));
    }

    @AfterEach
    final void close() {
        if (catalog != null) {
            catalog.close();
        }
    }

    private void copy(String... names) throws IOException {
        for (String name : names) {
            Files.copy(made.resolve(name), source.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void copyAll() throws IOException {
        try (Stream<Path> files = Files.list(made)) {
            for (Path file : files.toList()) {
                copy(file.getFileName().toString());
            }
        }
    }

    private UpdatePackage byFile(String fileName) throws UpdateException {
        return updates.list(new UpdateFilter("", null, true, true)).stream()
                .filter(u -> u.sourcePath().endsWith("/" + fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no package from " + fileName));
    }

    private Set<String> articles(List<UpdatePackage> list) {
        return list.stream().map(u -> u.articleId() + "/" + u.architecture()).collect(Collectors.toSet());
    }

    @Test
    final void sourcesAreAddedListedAndRemovedByNameIgnoringCase() throws Exception {
        UpdateSource added = updates.addSource(source.toString(), "Patch Tuesday");
        assertEquals(source.toString(), added.path());
        assertNull(added.lastSync());
        assertEquals(List.of(added), updates.sources());
        UpdateException duplicate = assertThrows(UpdateException.class, () -> updates.addSource(source.toString(), "PATCH tuesday"));
        assertEquals(Reason.DUPLICATE_SOURCE, duplicate.reason());
        UpdateException missing = assertThrows(UpdateException.class,
                () -> updates.addSource(folder.resolve("nowhere").toString(), null));
        assertEquals(Reason.SOURCE_NOT_FOUND, missing.reason());
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
        assertEquals("source", updates.addSource(source.toString(), null).name(), "the folder's name by default");
        updates.removeSource("patch TUESDAY");
        assertEquals(List.of("source"), updates.sources().stream().map(UpdateSource::name).toList());
        assertEquals(Reason.NO_SUCH_SOURCE, assertThrows(UpdateException.class, () -> updates.removeSource("Patch Tuesday")).reason());
    }

    @Test
    final void synchronizeReadsWhatEachPackageIsFromItsOwnMetadata() throws Exception {
        copyAll();
        updates.addSource(source.toString(), "monthly");
        SyncResult result = updates.synchronize("monthly", WimProgress.NONE);
        assertEquals(11, result.added(), result.toString());
        assertEquals(List.of(), result.problems());
        assertNotNull(updates.sources().get(0).lastSync());

        UpdatePackage cbs = byFile("lcu-2361-x64.cab");
        assertEquals(PackageType.CBS, cbs.packageType());
        assertEquals("KB5030219", cbs.articleId());
        assertEquals("Security Update", cbs.classification());
        assertEquals(UpdateArchitecture.X64, cbs.architecture());
        assertEquals(ROLLUP + "~31bf3856ad364e35~amd64~~22621.2361.1.0", cbs.identity().text());
        assertEquals(List.of(new ApplicableBuild(OsBuild.parse("10.0.22621.1"), Comparison.EQ, Comparison.GE)),
                cbs.applicableBuilds());
        assertEquals(LocalDate.of(2026, 10, 6), cbs.releaseDate());
        assertEquals(Files.size(made.resolve("lcu-2361-x64.cab")), cbs.sizeBytes());
        assertEquals(UpdateSynchronizer.sha256(made.resolve("lcu-2361-x64.cab")), cbs.sha256());
        assertEquals(UpdateState.AVAILABLE, cbs.state());
        assertEquals("monthly", cbs.sourceName());
        assertEquals(source.resolve("lcu-2361-x64.cab").toString(), cbs.sourcePath());
        assertEquals(OfflineServiceable.UNKNOWN, cbs.offlineServiceable());
        assertTrue(cbs.superseded(), "the 2428 and 2506 cumulative updates supersede 2361");

        UpdatePackage msu = byFile("windows11.0-kb5031354-x64.msu");
        assertEquals(PackageType.MSU, msu.packageType());
        assertEquals("KB5031354", msu.articleId());
        assertEquals("Windows 11", msu.product());
        assertEquals(List.of("SSU-22621.2420-x64.cab", "Windows11.0-KB5031354-x64.cab"), msu.payloads(),
                "the payloads in the unattend file's order");
        assertEquals(ROLLUP + "~31bf3856ad364e35~amd64~~22621.2428.1.4", msu.identity().text(), "from the main payload's update.mum");
        assertEquals(WIN11.size(), msu.applicableBuilds().size());
        assertTrue(msu.diagnostic().contains("WSUSSCAN.cab"), msu.diagnostic());
        assertEquals("Security Update KB5031354 for Windows 11 (amd64)", msu.title());

        UpdatePackage checkpoint = byFile("windows11.0-kb5043080-x64.msu");
        assertEquals(PackageType.PSFX, checkpoint.packageType(), checkpoint.diagnostic());
        assertEquals(List.of("Windows11.0-KB5043080-x64.wim", "Windows11.0-KB5043080-x64.psf"), checkpoint.payloads());
        assertEquals("Package_for_KB5043080~31bf3856ad364e35~amd64~~26100.1742.1.10", checkpoint.identity().text(),
                "read from the payload WIM with Fenestra's engine");
        assertEquals(List.of(new ApplicableBuild(OsBuild.parse("10.0.26100.1"), Comparison.EQ, Comparison.GE)),
                checkpoint.applicableBuilds());
        assertTrue(checkpoint.diagnostic().contains("WIM + PSF"), checkpoint.diagnostic());

        assertEquals(PackageType.PSFX, byFile("lcu-2506-x64-psfx.cab").packageType());
        assertEquals(UpdateArchitecture.X86, byFile("lcu-2428-x86.cab").architecture());
        assertEquals(UpdateArchitecture.ARM64, byFile("lcu-2428-arm64.cab").architecture());

        UpdatePackage fpkg = byFile("contoso-2.fpkg");
        assertEquals(PackageType.FENESTRA, fpkg.packageType());
        assertEquals("FPK-2", fpkg.articleId());
        assertEquals("Contoso agent FPK-2", fpkg.title());
        assertEquals(List.of("FPK-1"), fpkg.supersedes());
        assertEquals(OfflineServiceable.YES, fpkg.offlineServiceable());
        assertEquals(List.of("add Program Files/Contoso/agent.exe", "replace Windows/System32/drivers/etc/hosts",
                "delete Windows/Temp/old.log", "registry SOFTWARE registry/contoso.reg"), fpkg.payloads());
        assertEquals(List.of(fpkg.id()), byFile("contoso-1.fpkg").supersededBy());

        UpdatePackage cabinet = byFile("drivers.cab");
        assertEquals(PackageType.UNKNOWN, cabinet.packageType());
        assertTrue(cabinet.diagnostic().contains("readme.txt"), cabinet.diagnostic());
        UpdatePackage notes = byFile("notes.msu");
        assertEquals(PackageType.UNKNOWN, notes.packageType());
        assertTrue(notes.diagnostic().contains("neither a cabinet nor a Fenestra package"), notes.diagnostic());

        assertEquals(cbs, updates.get(cbs.id()));
        assertEquals(fpkg, updates.get("fpk-2"));
        assertEquals(Reason.NO_SUCH_UPDATE, assertThrows(UpdateException.class, () -> updates.get("KB1")).reason());
    }

    @Test
    final void aResyncWithNothingChangedReadsNoFileAndAChangedFileIsReadAgain() throws Exception {
        copyAll();
        updates.addSource(source.toString(), "monthly");
        SyncResult first = updates.synchronize(null, WimProgress.NONE);
        assertEquals(11, first.filesRead());
        List<UpdatePackage> before = updates.list(new UpdateFilter("", null, true, true));

        SyncResult again = updates.synchronize(null, WimProgress.NONE);
        assertEquals(0, again.filesRead(), "nothing changed: no file is opened");
        assertEquals(11, again.unchanged());
        assertEquals(0, again.added() + again.changed() + again.expired());
        assertEquals(before, updates.list(new UpdateFilter("", null, true, true)));

        Path touched = source.resolve("contoso-1.fpkg");
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now().plusSeconds(60)));
        SyncResult afterTouch = updates.synchronize(null, WimProgress.NONE);
        assertEquals(1, afterTouch.filesRead(), "only the touched file is hashed");
        assertEquals(11, afterTouch.unchanged(), "same content: not read as a package again");

        Files.copy(made.resolve("contoso-2.fpkg"), touched, StandardCopyOption.REPLACE_EXISTING);
        String id = byFile("contoso-1.fpkg").id();
        SyncResult afterChange = updates.synchronize(null, WimProgress.NONE);
        assertEquals(1, afterChange.changed());
        assertEquals(1, afterChange.filesRead());
        assertEquals("FPK-2", updates.get(id).articleId(), "the changed file's new metadata, under its ID");
    }

    @Test
    final void aRemovedFileIsExpiredAndComesBackAvailable() throws Exception {
        copy("lcu-2361-x64.cab", "contoso-1.fpkg");
        updates.addSource(source.toString(), "monthly");
        updates.synchronize(null, WimProgress.NONE);
        Files.move(source.resolve("contoso-1.fpkg"), folder.resolve("aside.fpkg"));
        SyncResult removed = updates.synchronize(null, WimProgress.NONE);
        assertEquals(1, removed.expired());
        assertEquals(UpdateState.EXPIRED, byFile("contoso-1.fpkg").state());
        assertEquals(List.of("KB5030219"), updates.list(UpdateFilter.ALL).stream().map(UpdatePackage::articleId).toList(),
                "expired packages are not listed unless asked");
        Files.move(folder.resolve("aside.fpkg"), source.resolve("contoso-1.fpkg"));
        SyncResult back = updates.synchronize(null, WimProgress.NONE);
        assertEquals(0, back.filesRead(), "the same file, same size and time: not read");
        assertEquals(UpdateState.AVAILABLE, byFile("contoso-1.fpkg").state());
    }

    @Test
    final void aCancelledSyncKeepsWhatItRecordedAndExpiresNothing() throws Exception {
        copyAll();
        updates.addSource(source.toString(), "monthly");
        AtomicBoolean cancel = new AtomicBoolean();
        WimProgress cancelAfterThree = new WimProgress() {
            int files;

            @Override
            public void worked(long work) {
                cancel.set(++files >= 3);
            }

            @Override
            public boolean isCanceled() {
                return cancel.get();
            }
        };
        UpdateException cancelled = assertThrows(UpdateException.class, () -> updates.synchronize(null, cancelAfterThree));
        assertEquals(Reason.CANCELLED, cancelled.reason());
        assertEquals(3, updates.list(new UpdateFilter("", null, true, true)).size(), "three packages, each complete");
        assertNull(updates.sources().get(0).lastSync(), "an incomplete sync is not a sync");
        SyncResult rest = updates.synchronize(null, WimProgress.NONE);
        assertEquals(8, rest.added());
        assertEquals(3, rest.unchanged());
    }

    @Test
    final void badPackagesAreTypedErrorsNamingTheFileAndRecordNothing() throws Exception {
        copy("lcu-2361-x64.cab");
        byte[] good = Files.readAllBytes(made.resolve("lcu-2428-x86.cab"));
        Files.write(source.resolve("truncated.cab"), java.util.Arrays.copyOf(good, good.length / 2));
        byte[] checksum = good.clone();
        checksum[checksum.length - 10] ^= 0x55; // inside the last data block, whose checksum no longer matches
        Files.write(source.resolve("bad-checksum.cab"), checksum);
        byte[] quantum = good.clone();
        quantum[42] = 2; // CFFOLDER.typeCompress of the first folder: Quantum
        Files.write(source.resolve("quantum.cab"), quantum);
        Path malformed = Files.createDirectories(folder.resolve("malformed"));
        Files.writeString(malformed.resolve("update.mum"), "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\"><package");
        Tools.gcab(malformed, source.resolve("malformed-mum.cab"), true, List.of("update.mum"));
        Path entity = Files.createDirectories(folder.resolve("entity"));
        Files.writeString(entity.resolve("update.mum"), "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\">&x;</assembly>");
        Tools.gcab(entity, source.resolve("external-entity.cab"), true, List.of("update.mum"));
        Path dotdot = Files.createDirectories(folder.resolve("dotdot/zz"));
        Files.writeString(dotdot.resolve("update.mum"), TestPackages.mum(ROLLUP, "22621.1.1.0", "amd64", "KB1", "Update", WIN11, false));
        byte[] named = Files.readAllBytes(Tools.gcab(dotdot.getParent(), folder.resolve("dotdot.cab"), true, List.of("zz/update.mum")));
        String text = new String(named, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("zz\\update.mum");
        assertTrue(at > 0, "gcab stores the folder name");
        named[at] = '.';
        named[at + 1] = '.'; // now ".." and a backslash: gcab itself refuses to write such a name
        Files.write(source.resolve("dotdot.cab"), named);
        TestPackages.fpkg(source.resolve("dotdot.fpkg"), TestPackages.fpkgManifest("FPK-9", "amd64", null, "10.0.22621.0")
                .replace("Program Files/Contoso/agent.exe", "../../etc/cron.d/agent"), TestPackages.fpkgPayload());
        TestPackages.fpkg(source.resolve("dotdot-entry.fpkg"), TestPackages.fpkgManifest("FPK-8", "amd64", null, "10.0.22621.0"),
                Map.of("../payload/agent.exe", new byte[3], "payload/hosts", new byte[1], "registry/contoso.reg", new byte[1]));
        byte[] zip = Files.readAllBytes(made.resolve("contoso-1.fpkg"));
        Files.write(source.resolve("truncated.fpkg"), java.util.Arrays.copyOf(zip, zip.length / 3));

        updates.addSource(source.toString(), "monthly");
        SyncResult result = updates.synchronize(null, WimProgress.NONE);
        assertEquals(1, result.added(), "only the good package is recorded");
        Map<String, UpdateException> problems = result.problems().stream()
                .collect(Collectors.toMap(p -> Path.of(p.file()).getFileName().toString(), p -> p));
        assertEquals(Set.of("truncated.cab", "bad-checksum.cab", "quantum.cab", "malformed-mum.cab", "external-entity.cab",
                "dotdot.cab", "dotdot.fpkg", "dotdot-entry.fpkg", "truncated.fpkg"), problems.keySet());
        problems.forEach((name, problem) -> assertTrue(problem.getMessage().contains(name), problem.getMessage()));
        assertEquals(Reason.UNSUPPORTED_PACKAGE, problems.get("quantum.cab").reason(), problems.get("quantum.cab").getMessage());
        for (String damaged : List.of("truncated.cab", "bad-checksum.cab", "malformed-mum.cab", "external-entity.cab",
                "dotdot.cab", "dotdot.fpkg", "dotdot-entry.fpkg", "truncated.fpkg")) {
            assertEquals(Reason.BAD_PACKAGE, problems.get(damaged).reason(), problems.get(damaged).getMessage());
        }
        assertTrue(problems.get("dotdot.fpkg").getMessage().contains("../../etc/cron.d/agent"));
        assertTrue(problems.get("dotdot.cab").getMessage().contains("..") && problems.get("dotdot.cab").getMessage().contains("update.mum"),
                problems.get("dotdot.cab").getMessage());
        assertEquals(1, updates.list(new UpdateFilter("", null, true, true)).size());

        // A recorded package whose file is damaged later keeps its record as it was.
        UpdatePackage recorded = byFile("lcu-2361-x64.cab");
        byte[] cab = Files.readAllBytes(source.resolve("lcu-2361-x64.cab"));
        Files.write(source.resolve("lcu-2361-x64.cab"), java.util.Arrays.copyOf(cab, cab.length - 100));
        SyncResult damaged = updates.synchronize(null, WimProgress.NONE);
        assertTrue(damaged.problems().stream().anyMatch(p -> p.file().endsWith("lcu-2361-x64.cab")));
        assertEquals(recorded, byFile("lcu-2361-x64.cab"));
    }

    @Test
    final void aSourceFolderThatIsGoneIsATypedErrorNamingIt() throws Exception {
        updates.addSource(source.toString(), "monthly");
        Files.delete(source);
        UpdateException gone = assertThrows(UpdateException.class, () -> updates.synchronize("monthly", WimProgress.NONE));
        assertEquals(Reason.SOURCE_NOT_FOUND, gone.reason());
        assertTrue(gone.getMessage().contains(source.toString()), gone.getMessage());
        assertEquals(Reason.NO_SUCH_SOURCE, assertThrows(UpdateException.class,
                () -> updates.synchronize("weekly", WimProgress.NONE)).reason());
    }

    private OsImageRecord addImage(Path wim) throws Exception {
        return catalog.images().add(new NewOsImage("Windows 11 " + System.nanoTime(), "", "", wim.toString(), wim.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
    }

    @Test
    final void theUpdatesInAnImageAreReadFromItsWim() throws Exception {
        OsImageRecord image = addImage(imageWim);
        ImageUpdates held = updates.installedUpdates(image.id());
        assertEquals(new OsBuild(10, 0, 22621, 2361), held.osBuild());
        assertEquals(Architecture.X64, held.architecture());
        assertEquals(List.of("KB5012170", "KB5030219"), held.installed().stream().map(InstalledUpdate::articleId).toList());
        assertTrue(held.installed().stream().allMatch(u -> u.origin() == InstalledUpdate.Origin.IN_IMAGE));
        assertEquals(held, updates.installedUpdates(image.id()), "read once, then from the catalog");
        assertEquals(Reason.NO_SUCH_IMAGE, assertThrows(UpdateException.class, () -> updates.installedUpdates("FEN99999")).reason());

        Path notAWim = Files.writeString(folder.resolve("broken.wim"), "MSWIM but not really");
        OsImageRecord broken = addImage(notAWim);
        UpdateException bad = assertThrows(UpdateException.class, () -> updates.installedUpdates(broken.id()));
        assertEquals(Reason.BAD_IMAGE, bad.reason());
        assertTrue(bad.getMessage().contains("broken.wim"), bad.getMessage());
    }

    @Test
    final void applicableUpdatesMatchArchitectureAndBuildAndSkipInstalledAndSuperseded() throws Exception {
        copyAll();
        updates.addSource(source.toString(), "monthly");
        updates.synchronize(null, WimProgress.NONE);
        OsImageRecord image = addImage(imageWim);

        assertEquals(Set.of("KB5032190/X64", "FPK-2/X64"), articles(updates.applicable(image.id(), UpdateFilter.ALL)),
                "2361 is installed, 2428 (MSU) is superseded by 2506, FPK-1 by FPK-2; x86, arm64, Windows 10 and unknown ones do not apply");
        assertEquals(Set.of("KB5032190/X64", "FPK-2/X64", "KB5031354/X64", "FPK-1/NEUTRAL"),
                articles(updates.applicable(image.id(), new UpdateFilter("", null, true, false))));
        assertEquals(Set.of("KB5032190/X64"), articles(updates.applicable(image.id(), new UpdateFilter("kb5032", null, false, false))));
        assertEquals(Set.of("FPK-2/X64"), articles(updates.applicable(image.id(), new UpdateFilter("contoso", UpdateArchitecture.X64, false, false))));
        assertEquals(Set.of(), articles(updates.applicable(image.id(), new UpdateFilter("", UpdateArchitecture.X86, false, false))));
        assertEquals(Set.of("FPK-1/NEUTRAL"), articles(updates.applicable(image.id(), new UpdateFilter("", UpdateArchitecture.X86, true, false))),
                "a neutral package is listed under every architecture");

        UpdatePackage psfx = updates.get("KB5032190");
        updates.recordApplied(image.id(), List.of(psfx.id()));
        assertEquals(Set.of("FPK-2/X64"), articles(updates.applicable(image.id(), UpdateFilter.ALL)),
                "the applied 2506 and everything it supersedes no longer apply");
        assertEquals(Set.of("FPK-2/X64", "FPK-1/NEUTRAL"), articles(updates.applicable(image.id(), new UpdateFilter("", null, true, false))));
        ImageUpdates held = updates.installedUpdates(image.id());
        InstalledUpdate applied = held.installed().get(held.installed().size() - 1);
        assertEquals(InstalledUpdate.Origin.APPLIED, applied.origin());
        assertEquals(psfx.id(), applied.updateId());
        ImageUpdates rescanned = updates.rescan(image.id(), WimProgress.NONE);
        assertTrue(rescanned.installed().contains(applied), "a rescan keeps what servicing applied");
        assertEquals(3, rescanned.installed().size());
    }

    @Test
    final void applicabilityComparesTheRevisionWithTheUbrFromTheImagesRegistryWhenKnown() throws Exception {
        new TestPackages(Files.createDirectories(folder.resolve("ubr"))).cbs(source.resolve("lcu-2715-x64.cab"),
                TestPackages.mum(ROLLUP, "22621.2715.1.0", "amd64", "KB5032288", "Security Update",
                        List.of(new Parent("10.0.22621.2400", "EQ", "GE")), false), true);
        updates.addSource(source.toString(), "monthly");
        updates.synchronize(null, WimProgress.NONE);
        OsImageRecord byXml = addImage(imageWim); // the WIM's XML says 22621, SPBUILD 2361
        OsImageRecord byRegistry = catalog.images().add(new NewOsImage("Windows 11 UBR " + System.nanoTime(), "", "",
                imageWim.toString(), imageWim.toString(), 1, "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US",
                Files.size(imageWim), new EulaAcceptance("admin", Instant.now())),
                new ImageFacts("Windows 11 Enterprise", "Enterprise", "Client", 22621, 2428, "22H2", List.of("en-US")));

        assertEquals(new OsBuild(10, 0, 22621, 2361), updates.installedUpdates(byXml.id()).osBuild());
        assertEquals(Set.of(), articles(updates.applicable(byXml.id(), UpdateFilter.ALL)),
                "revision 2361 is below the package's GE 2400");
        assertEquals(new OsBuild(10, 0, 22621, 2428), updates.installedUpdates(byRegistry.id()).osBuild());
        assertEquals(Set.of("KB5032288/X64"), articles(updates.applicable(byRegistry.id(), UpdateFilter.ALL)),
                "the registry's UBR 2428 satisfies revisionCompare GE 2400");
    }

    @Test
    final void downloadStoresEachContentOnceVerifiedByItsHash() throws Exception {
        copy("lcu-2361-x64.cab", "contoso-1.fpkg");
        Files.copy(made.resolve("contoso-1.fpkg"), Files.createDirectories(source.resolve("copy")).resolve("contoso-1.fpkg"));
        updates.addSource(source.toString(), "monthly");
        updates.synchronize(null, WimProgress.NONE);
        UpdatePackage cab = byFile("lcu-2361-x64.cab");
        UpdatePackage first = byFile("contoso-1.fpkg");
        UpdatePackage copy = updates.list(new UpdateFilter("copy/contoso", null, true, true)).get(0);
        assertEquals(first.sha256(), copy.sha256());

        DownloadResult one = updates.download(List.of(cab.id(), first.id()), WimProgress.NONE);
        assertEquals(cab.sizeBytes() + first.sizeBytes(), one.bytesStored());
        assertTrue(one.downloaded().stream().allMatch(u -> u.state() == UpdateState.DOWNLOADED));
        Path content = updates.downloadedContent(cab.id());
        assertEquals(cab.sha256(), UpdateSynchronizer.sha256(content));
        assertEquals(0, updates.download(List.of(copy.id()), WimProgress.NONE).bytesStored(), "the same content is stored once");
        assertEquals(0, updates.download(List.of(cab.id()), WimProgress.NONE).bytesStored(), "downloading again stores nothing");
        assertEquals(updates.downloadedContent(first.id()), updates.downloadedContent(copy.id()));
        long contentFiles;
        try (Stream<Path> files = Files.walk(folder.resolve("library/content"))) {
            contentFiles = files.filter(Files::isRegularFile).count();
        }
        assertEquals(2, contentFiles);

        UpdatePackage fpkg2;
        copy("contoso-2.fpkg");
        updates.synchronize(null, WimProgress.NONE);
        fpkg2 = byFile("contoso-2.fpkg");
        Files.write(source.resolve("contoso-2.fpkg"), TestPackages.bytes((int) fpkg2.sizeBytes()));
        UpdateException mismatch = assertThrows(UpdateException.class, () -> updates.download(List.of(fpkg2.id()), WimProgress.NONE));
        assertEquals(Reason.HASH_MISMATCH, mismatch.reason());
        assertTrue(mismatch.getMessage().contains("contoso-2.fpkg"), mismatch.getMessage());
        assertEquals(UpdateState.AVAILABLE, updates.get(fpkg2.id()).state());
        assertEquals(Reason.CONTENT_LIBRARY, assertThrows(UpdateException.class, () -> updates.downloadedContent(fpkg2.id())).reason());
        try (Stream<Path> files = Files.walk(folder.resolve("library/content"))) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "nothing stored for the changed file");
        }
    }
}
