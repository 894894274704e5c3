package org.fenestra.servicing.internal;

import static org.fenestra.servicing.internal.ServicingFixture.agent;
import static org.fenestra.servicing.internal.ServicingFixture.cleanup;
import static org.fenestra.servicing.internal.ServicingFixture.misfit;
import static org.fenestra.servicing.internal.ServicingFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingDrive;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.UpdateResult;
import org.fenestra.servicing.api.UpdateResult.Outcome;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servicing pipeline as DS runs it, with the real site catalog (H2), the real software updates
 * service (sync and download of .fpkg packages made here) and the portable servicer: results checked
 * with wimlib-imagex, failures and cancels against the catalog WIM's SHA-256.
 */
class ServicingPipelineTest {

    @TempDir
    Path work;

    private ServicingFixture fixture;
    private ImageCatalog catalog;
    private SoftwareUpdates updates;
    private OfflineServicing servicing;
    private Path wim;
    private OsImageRecord image;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServicingFixture(work);
        catalog = fixture.catalog();
        updates = fixture.updates();
        servicing = ServicingFixture.service(OfflineServicing.class);
        wim = fixture.wim();
        image = fixture.image();
    }

    private List<String> published(FenestraPackageFile... packages) throws Exception {
        return fixture.published(packages);
    }

    @Test
    void updatingDistributionPointsWithoutTheDistributionGlueIsReportedNotAvailableAndTheRunStillCommits() throws Exception {
        byte[] before = sha256(wim);
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), published(agent()), false, false, true),
                WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        assertTrue(run.message().contains(DistributionPointsStep.NOT_AVAILABLE), run.message());
        assertEquals(run.message(), servicing.history(image.id()).get(0).message());
        assertFalse(java.util.Arrays.equals(before, sha256(wim)), "committed");
        assertTrue(Files.readString(Path.of(run.logFile())).contains(DistributionPointsStep.NOT_AVAILABLE));
    }

    @Test
    void aRunAppliesCommitsRecordsAndLogs() throws Exception {
        List<String> ids = published(agent(), cleanup());
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED), run.updates().stream().map(UpdateResult::outcome).toList());
        assertEquals(List.of(1, 1, 1), List.of(run.filesAdded(), run.filesChanged(), run.filesRemoved()));
        WimTool.verify(wim);
        List<String> dir = WimTool.dir(wim, 1);
        assertTrue(dir.contains("/Program Files/Contoso/agent.exe"), dir.toString());
        assertFalse(dir.contains("/" + TestImages.OLD_LOG));
        Path out = Files.createDirectories(work.resolve("out"));
        assertEquals("127.0.0.1 contoso\n", Files.readString(WimTool.extract(wim, 1, "/" + TestImages.HOSTS, out)));
        assertEquals(image.contentVersion() + 1, catalog.get(image.id()).contentVersion());
        assertEquals(Files.size(wim), catalog.get(image.id()).sizeBytes());
        assertTrue(updates.installedUpdates(image.id()).installed().stream().map(u -> u.updateId())
                .toList().containsAll(ids), "recorded as applied");
        assertEquals(List.of(run.runId()), servicing.history(image.id()).stream().map(ServicingRun::runId).toList());
        assertEquals(RunStatus.SUCCESSFUL, servicing.history(image.id()).get(0).status());
        String log = Files.readString(Path.of(run.logFile()));
        assertTrue(log.contains(ids.get(0)) && log.contains(ids.get(1)) && log.contains("committed"), log);
        assertTrue(log.contains("the serviced WIM moved beside the catalog's file"), "the drive is the catalog's file system: " + log);
        assertFalse(Files.exists(wim.resolveSibling("install.wim.servicing-" + run.runId() + ".tmp")));
        assertWorkFolderGone(run);
    }

    /** An update for another architecture, or one applied already, is refused before anything starts. */
    @Test
    void anUpdateForAnotherArchitectureOrAppliedAlreadyIsRefusedBeforeAnythingStarts() throws Exception {
        byte[] before = sha256(wim);
        List<String> x86 = published(new FenestraPackageFile(ServicingFixture.unique("FPK-X86"),
                ServicingFixture.unique("Contoso-Driver"), "1.0.0.0").architecture("x86")
                .add("Program Files/Contoso/driver.sys", "x86 driver".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        ServicingException wrong = assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(image.id(), x86, false, false), WimProgress.NONE));
        assertEquals(Reason.NOT_APPLICABLE, wrong.reason());
        assertTrue(wrong.getMessage().contains("is built for x86") && wrong.getMessage().contains("is x64"), wrong.getMessage());
        assertArrayEquals(before, sha256(wim));
        assertEquals(List.of(), servicing.history(image.id()), "no run was started");

        List<String> ids = published(agent());
        assertEquals(RunStatus.SUCCESSFUL, servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false),
                WimProgress.NONE).status());
        ServicingException twice = assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(image.id(), ids, false, false), WimProgress.NONE));
        assertEquals(Reason.NOT_APPLICABLE, twice.reason());
        assertTrue(twice.getMessage().contains("is applied to") && twice.getMessage().contains("already"), twice.getMessage());
        assertEquals(1, servicing.history(image.id()).size());
    }

    /** A configured servicing drive that does not exist: the run uses Automatic (the data folder) and its log says so. */
    @Test
    void aMissingServicingDriveFallsBackToAutomaticAndTheLogSaysSo() throws Exception {
        Path missing = work.resolve("no-such-drive");
        ServicingDrive drives = ServicingFixture.service(ServicingDrive.class);
        drives.set(missing.toString());
        try {
            ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), published(agent()), false, false),
                    WimProgress.NONE);

            assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
            String log = Files.readString(Path.of(run.logFile()));
            assertTrue(log.contains("the servicing drive " + missing + " does not exist; using Automatic ("
                    + drives.effective() + ")"), log);
            assertTrue(log.contains("work folder " + drives.effective().resolve(ServicingPipeline.WORK_FOLDER)), log);
            assertFalse(Files.exists(missing), "nothing is made at the missing drive");
            WimTool.verify(wim);
        } finally {
            drives.set("automatic");
        }
    }

    /** The servicing drive on another file system (tmpfs): the serviced WIM is copied beside the catalog's file, not moved. */
    @Test
    void aServicingDriveOnAnotherFileSystemCommitsByACopy() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(wim)), "no second file system at /dev/shm");
        Path drive = Files.createTempDirectory(shm, "fenestra-drive-");
        ServicingDrive drives = ServicingFixture.service(ServicingDrive.class);
        drives.set(drive.toString());
        try {
            ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), published(agent()), false, false),
                    WimProgress.NONE);

            assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
            String log = Files.readString(Path.of(run.logFile()));
            assertTrue(log.contains("(the servicing drive is another file system)"), log);
            assertTrue(log.contains("work folder " + drive), log);
            WimTool.verify(wim);
            assertTrue(WimTool.dir(wim, 1).contains("/Program Files/Contoso/agent.exe"));
            assertFalse(Files.exists(drive.resolve(ServicingPipeline.WORK_FOLDER).resolve("run-" + run.runId())));
        } finally {
            drives.set("automatic");
            ServicingPipeline.deleteTree(drive);
        }
    }

    /**
     * A CBS package in a run: the portable servicer reports it not applied (the DISM servicer's type),
     * the run commits the Fenestra package beside it; a run of the CBS package alone applies nothing
     * and fails (the console's exit 1).
     */
    @Test
    void aCbsPackageIsNotAppliedByThePortableServicerAndTheRestIsCommitted() throws Exception {
        String cbs = fixture.publishedCbs("KB" + (5_100_000 + (System.nanoTime() / 1000) % 800_000));
        List<String> ids = new java.util.ArrayList<>(published(agent()));
        ids.add(cbs);
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        UpdateResult notApplied = run.updates().stream().filter(u -> u.updateId().equals(cbs)).findFirst().orElseThrow();
        assertEquals(Outcome.NOT_SUPPORTED, notApplied.outcome());
        assertTrue(notApplied.detail().contains("needs the DISM servicer"), notApplied.detail());
        String log = Files.readString(Path.of(run.logFile()));
        assertTrue(log.contains(cbs) && log.contains("NOT_SUPPORTED") && log.contains("needs the DISM servicer"), log);
        assertTrue(WimTool.dir(wim, 1).contains("/Program Files/Contoso/agent.exe"));
        assertFalse(updates.installedUpdates(image.id()).installed().stream().anyMatch(u -> u.updateId().equals(cbs)),
                "a package not applied is not recorded as installed");

        ServicingRun alone = servicing.serviceNow(new ServicingRequest(image.id(), List.of(cbs), false, false),
                WimProgress.NONE);
        assertEquals(RunStatus.FAILED, alone.status());
        assertTrue(alone.message().contains("no update was applied"), alone.message());
    }

    /** Servicing-stack updates first, then cumulative ones, then the rest; with optimize a superseded selected one is skipped. */
    @Test
    void updatesAreOrderedServicingStackFirstAndOptimizeSkipsTheSuperseded() throws Exception {
        byte[] text = "x".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        FenestraPackageFile tool = new FenestraPackageFile(ServicingFixture.unique("FPK-TOOL"),
                ServicingFixture.unique("Contoso-Tool"), "1.0.0.0").add("Program Files/Contoso/tool.txt", text);
        FenestraPackageFile cumulative = new FenestraPackageFile(ServicingFixture.unique("FPK-LCU"),
                ServicingFixture.unique("Package_for_RollupFix"), "1.0.0.0").add("Windows/lcu.txt", text);
        FenestraPackageFile stack = new FenestraPackageFile(ServicingFixture.unique("FPK-SSU"),
                ServicingFixture.unique("Package_for_ServicingStack"), "1.0.0.0").add("Windows/ssu.txt", text);
        String agentName = ServicingFixture.unique("Contoso-Agent");
        FenestraPackageFile oldAgent = new FenestraPackageFile(ServicingFixture.unique("FPK-AGENT1"), agentName, "1.0.0.0")
                .add("Program Files/Contoso/agent-1.txt", text);
        FenestraPackageFile newAgent = new FenestraPackageFile(ServicingFixture.unique("FPK-AGENT2"), agentName, "2.0.0.0")
                .add("Program Files/Contoso/agent-2.txt", text).supersedes(oldAgent.article());
        List<String> ids = published(tool, cumulative, stack, oldAgent, newAgent); // as selected: not the order to apply

        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, true), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        List<String> order = run.updates().stream().map(UpdateResult::updateId).toList();
        assertEquals(ids.get(2), order.get(0), "the servicing stack first: " + run.updates());
        assertEquals(ids.get(1), order.get(1), "then the cumulative update: " + run.updates());
        UpdateResult superseded = run.updates().stream().filter(u -> u.updateId().equals(ids.get(3))).findFirst().orElseThrow();
        assertEquals(Outcome.SKIPPED, superseded.outcome(), superseded.toString());
        assertTrue(superseded.detail().contains("superseded by"), superseded.detail());
        List<String> dir = WimTool.dir(wim, 1);
        assertTrue(dir.contains("/Program Files/Contoso/agent-2.txt") && !dir.contains("/Program Files/Contoso/agent-1.txt"),
                dir.toString());
    }

    @Test
    void aFailureWithoutContinueOnErrorCommitsNothing() throws Exception {
        byte[] before = sha256(wim);
        List<String> ids = published(agent(), misfit(), cleanup());
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false), WimProgress.NONE);

        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.message().contains("nothing was committed"), run.message());
        assertEquals(List.of(Outcome.APPLIED, Outcome.FAILED, Outcome.SKIPPED),
                run.updates().stream().map(UpdateResult::outcome).toList());
        assertArrayEquals(before, sha256(wim));
        assertEquals(image.contentVersion(), catalog.get(image.id()).contentVersion());
        assertWorkFolderGone(run);
    }

    @Test
    void continueOnErrorCommitsWhatApplied() throws Exception {
        List<String> ids = published(agent(), misfit(), cleanup());
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, true, false), WimProgress.NONE);

        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(List.of(Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED),
                run.updates().stream().map(UpdateResult::outcome).toList());
        assertTrue(run.message().contains("were committed"), run.message());
        WimTool.verify(wim);
        List<String> dir = WimTool.dir(wim, 1);
        assertTrue(dir.contains("/Program Files/Contoso/agent.exe"));
        assertFalse(dir.contains("/" + TestImages.OLD_LOG));
        assertEquals(image.contentVersion() + 1, catalog.get(image.id()).contentVersion());
    }

    @Test
    void aCancelledRunLeavesTheImageByteIdentical() throws Exception {
        byte[] before = sha256(wim);
        List<String> ids = published(agent(), cleanup());
        AtomicInteger worked = new AtomicInteger();
        WimProgress cancelAfterFirstUpdate = new WimProgress() {
            @Override
            public void worked(long work) {
                worked.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return worked.get() >= 2; // the copy, then the first update
            }
        };
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false), cancelAfterFirstUpdate);

        assertEquals(RunStatus.CANCELLED, run.status(), run.message());
        assertArrayEquals(before, sha256(wim));
        assertEquals(RunStatus.CANCELLED, servicing.history(image.id()).get(0).status());
        assertWorkFolderGone(run);
    }

    @Test
    void aCancelRequestedThroughTheServiceStopsTheRun() throws Exception {
        byte[] before = sha256(wim);
        List<String> ids = published(agent(), cleanup());
        AtomicInteger asked = new AtomicInteger();
        WimProgress cancelFromElsewhere = new WimProgress() {
            @Override
            public void worked(long work) {
                try {
                    if (asked.getAndIncrement() == 0) { // after the copy: as servicing-cancel from another console would
                        assertTrue(servicing.cancel(image.id()), "a run is in process");
                        Thread.sleep(300);
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false), cancelFromElsewhere);

        assertEquals(RunStatus.CANCELLED, run.status(), run.message());
        assertArrayEquals(before, sha256(wim));
        assertFalse(servicing.cancel(image.id()), "nothing in process any more");
    }

    @Test
    void optimizeExportsASingleIndexImageAndIsRefusedForSeveral() throws Exception {
        List<String> ids = published(agent());
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, true), WimProgress.NONE);
        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        WimTool.verify(wim);
        assertTrue(WimTool.dir(wim, 1).contains("/Program Files/Contoso/agent.exe"));

        Path two = Files.copy(wim, work.resolve("images/two.wim"));
        WimTool.run("append", work.resolve("tree").toString(), two.toString(), "Second");
        OsImageRecord multi = fixture.addImage(two);
        byte[] before = sha256(two);
        ServicingException refused = assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(multi.id(), published(cleanup()), false, true), WimProgress.NONE));
        assertEquals(Reason.OPTIMIZE_REFUSED, refused.reason());
        assertTrue(refused.getMessage().contains("2 images"), refused.getMessage());
        assertArrayEquals(before, sha256(two));
    }

    @Test
    void optimizeRunsTheServicersComponentCleanupBeforeTheExport() throws Exception {
        String name = ServicingFixture.unique("Contoso-Tool");
        byte[] tool = "tool 1".repeat(1000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<String> first = published(new FenestraPackageFile(ServicingFixture.unique("FPK-TOOL1"), name, "1.0.0.0")
                .add("Program Files/Contoso/tool.exe", tool));
        assertEquals(RunStatus.SUCCESSFUL, servicing.serviceNow(new ServicingRequest(image.id(), first, false, false),
                WimProgress.NONE).status());
        assertEquals(1, records(name).size(), "without optimize no cleanup: " + records(name));
        List<String> second = published(new FenestraPackageFile(ServicingFixture.unique("FPK-TOOL2"), name, "2.0.0.0")
                .replace("Program Files/Contoso/tool.exe", "tool 2".repeat(1000).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), second, false, true), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        WimTool.verify(wim);
        List<String> records = records(name);
        assertEquals(1, records.size(), "the superseded 1.0.0.0 record was cleaned up: " + records);
        assertTrue(records.get(0).contains("2.0.0.0"), records.toString());
        String log = Files.readString(Path.of(run.logFile()));
        assertTrue(log.indexOf("component cleanup done") > 0 && log.indexOf("component cleanup done") < log.indexOf("exported index"),
                "cleanup, then the export: " + log);
    }

    @Test
    void aComponentCleanupFailureFailsTheRunAndCommitsNothing() throws Exception {
        Path tree = TestImages.windowsTree(work.resolve("damaged-tree"));
        // a record the portable servicer did not write: not named by a package identity, so not its to judge
        Path record = tree.resolve("Windows/servicing/Fenestra/Contoso-Broken.xml");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "<package xmlns=\"urn:fenestra:package:1\" id=\"FPK-BROKEN\"/>");
        Path damaged = WimTool.capture(tree, work.resolve("images/damaged.wim"), "Windows 11 Enterprise");
        OsImageRecord withDamagedRecord = fixture.addImage(damaged);
        byte[] before = sha256(damaged);
        List<String> ids = published(agent());
        ServicingException failed = assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(withDamagedRecord.id(), ids, false, true), WimProgress.NONE));
        assertTrue(failed.getMessage().contains("component cleanup") && failed.getMessage().contains("Contoso-Broken"),
                failed.getMessage());

        ServicingRun run = servicing.history(withDamagedRecord.id()).get(0);
        assertEquals(RunStatus.FAILED, run.status(), run.message());
        assertTrue(run.message().contains("component cleanup") && run.message().contains("nothing was committed"),
                run.message());
        assertArrayEquals(before, sha256(damaged));
        assertEquals(withDamagedRecord.contentVersion(), catalog.get(withDamagedRecord.id()).contentVersion());
        assertFalse(updates.installedUpdates(withDamagedRecord.id()).installed().stream().anyMatch(u -> ids.contains(u.updateId())));
        assertWorkFolderGone(run);

        // the same update without optimize needs no cleanup and commits
        assertEquals(RunStatus.SUCCESSFUL, servicing.serviceNow(new ServicingRequest(withDamagedRecord.id(), ids, false, false),
                WimProgress.NONE).status());
    }

    @Test
    void aCommitThatRaisesTheUbrRefreshesTheImageFacts() throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise();
        Path tree = Files.createDirectories(work.resolve("windows-tree"));
        SyntheticWindowsTree.write(tree, spec);
        Path file = WimTool.capture(tree, work.resolve("images/windows.wim"), "Windows 11 Enterprise");
        OsImageRecord windows = fixture.addImage(file);
        // as the import read them from the hives
        catalog.setFacts(windows.id(), new ImageFacts(spec.productName(), spec.editionId(), spec.installationType(),
                spec.build(), spec.ubr(), spec.displayVersion(), spec.languages()));
        int newUbr = spec.ubr() + 8;
        List<String> ids = published(new FenestraPackageFile(ServicingFixture.unique("FPK-CU"),
                ServicingFixture.unique("Contoso-Cumulative"), "1.0.0.0")
                .add("Windows/System32/contoso-cu.dll", "cu".repeat(500).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .registry("SOFTWARE", "Windows Registry Editor Version 5.00\r\n\r\n"
                        + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                        + "\"UBR\"=dword:" + String.format("%08x", newUbr) + "\r\n"));
        ServicingRun run = servicing.serviceNow(new ServicingRequest(windows.id(), ids, false, false), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        ImageFacts facts = catalog.facts(windows.id());
        assertEquals(newUbr, facts.ubr(), "the facts were read again from the serviced WIM's SOFTWARE hive");
        assertEquals(spec.build(), facts.build());
        assertEquals(spec.productName(), facts.productName());
        assertTrue(Files.readString(Path.of(run.logFile())).contains("image facts refreshed"), run.logFile());
    }

    /** The image's package records of the package named {@code name}. */
    private List<String> records(String name) throws Exception {
        return WimTool.dir(wim, 1).stream().filter(p -> p.startsWith("/Windows/servicing/Fenestra/") && p.contains(name)).toList();
    }

    @Test
    void requestsThatCannotRunAreRefusedTyped() throws Exception {
        assertEquals(Reason.NO_SUCH_IMAGE, assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest("IMG99999", List.of("UPD00001"), false, false), WimProgress.NONE)).reason());
        assertEquals(Reason.NO_SUCH_UPDATE, assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(image.id(), List.of("UPD99999"), false, false), WimProgress.NONE)).reason());
        String id = fixture.synchronized_(agent()).get(0);
        assertEquals(Reason.NOT_DOWNLOADED, assertThrows(ServicingException.class, () -> servicing.serviceNow(
                new ServicingRequest(image.id(), List.of(id), false, false), WimProgress.NONE)).reason());
        assertTrue(servicing.history(image.id()).isEmpty(), "a refused request is no run");
    }

    private void assertWorkFolderGone(ServicingRun run) {
        Path data = Path.of(System.getProperty("fenestra.data"));
        assertFalse(Files.exists(data.resolve(ServicingPipeline.WORK_FOLDER).resolve("run-" + run.runId())));
    }
}
