package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageNotFoundException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.content.api.UpgradePackageImporter;
import org.fenestra.content.api.UpgradePackageRequest;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports of setup media folders as OS upgrade packages, through the DS services with the real catalog:
 * the copy is byte-identical, refusals and cancels leave no record and no folder.
 */
class UpgradePackageImporterTest {

    @TempDir
    Path work;

    private UpgradePackageImporter importer;
    private UpgradePackageCatalog packages;
    private Path media;

    @BeforeEach
    void setUp() throws Exception {
        importer = Services.get(UpgradePackageImporter.class);
        packages = Services.get(UpgradePackageCatalog.class);
        media = SetupMediaFolders.write(work.resolve("tree"), work.resolve("Win11_23H2_x64"));
    }

    @Test
    void aSetupMediaFolderIsCopiedWholeAndRecordedWithItsInstallWim() throws Exception {
        Map<String, String> source = SetupMediaFolders.checksums(media);
        String name = "Windows 11 upgrade " + System.nanoTime();

        UpgradePackageRecord added = importer.importPackage(new UpgradePackageRequest(media.toString(), name, "23H2",
                "from the ISO", 0, "CONTOSO\\admin"), WimProgress.NONE);
        try {
            Path stored = Path.of(added.storedFolder());
            assertTrue(stored.startsWith(dataFolder().resolve("upgrade-packages")), stored.toString());
            assertEquals(source, SetupMediaFolders.checksums(stored), "every file copied, byte-identical");
            assertEquals(source, SetupMediaFolders.checksums(media), "the source is only read");
            assertEquals(stored.resolve("sources").resolve("install.wim").toString(), added.installWim());
            assertEquals(List.of(name, "23H2", "from the ISO", media.toString(), 1, Architecture.X64, "CONTOSO\\admin", 1),
                    List.of(added.name(), added.version(), added.comment(), added.sourcePath(), added.imageIndex(),
                            added.architecture(), added.addedBy(), added.contentVersion()));
            assertEquals(Files.size(stored.resolve("sources/install.wim")), added.installWimBytes());
            assertEquals(source.size(), added.fileCount());
            assertEquals(added, packages.upgradePackage(added.id()));
            ImageCatalog images = Services.get(ImageCatalog.class);
            assertEquals(SyntheticWims.expected(SetupMediaFolders.SPEC), images.facts(added.id()));
            assertEquals(ServicingTarget.Kind.UPGRADE_PACKAGE, images.target(added.id()).kind());
            assertFalse(images.list().stream().anyMatch(i -> i.id().equals(added.id())), "not an OS image");
        } finally {
            importer.remove(added.id());
        }
        assertFalse(Files.exists(Path.of(added.storedFolder())), "removal deletes the copied folder");
        assertThrows(UpgradePackageNotFoundException.class, () -> packages.upgradePackage(added.id()));
    }

    @Test
    void foldersThatAreNotServiceableSetupMediaAreRefusedAndNothingIsWritten() throws Exception {
        List<String> before = storedFolders();
        int records = packages.upgradePackages().size();

        Path noSetup = copyOfMedia("no-setup");
        Files.delete(noSetup.resolve("setup.exe"));
        assertRefused(Reason.NOT_SETUP_MEDIA, noSetup.toString(), "setup.exe");

        Path esd = copyOfMedia("esd");
        Files.move(esd.resolve("sources/install.wim"), esd.resolve("sources/install.esd"));
        assertRefused(Reason.NOT_SETUP_MEDIA, esd.toString(), "install.esd");

        Path noWim = copyOfMedia("no-wim");
        Files.delete(noWim.resolve("sources/install.wim"));
        assertRefused(Reason.NOT_SETUP_MEDIA, noWim.toString(), "no sources\\install.wim");

        Path notAWim = copyOfMedia("not-a-wim");
        Files.writeString(notAWim.resolve("sources/install.wim"), "not a WIM\n".repeat(50));
        assertRefused(Reason.NOT_A_WIM, notAWim.toString(), "not a WIM");

        assertRefused(Reason.NOT_SETUP_MEDIA, media.resolve("setup.exe").toString(), "is a file");
        assertRefused(Reason.SOURCE_NOT_FOUND, work.resolve("nowhere").toString(), "no such folder");
        ImportException index = assertThrows(ImportException.class, () -> importer.importPackage(
                new UpgradePackageRequest(media.toString(), "x" + System.nanoTime(), "", "", 5, "admin"), WimProgress.NONE));
        assertEquals(Reason.INDEX_OUT_OF_RANGE, index.reason(), index.getMessage());

        UpgradePackageRecord taken = importer.importPackage(new UpgradePackageRequest(media.toString(),
                "Taken " + System.nanoTime(), "", "", 1, "admin"), WimProgress.NONE);
        try {
            List<String> withTaken = storedFolders();
            ImportException duplicate = assertThrows(ImportException.class, () -> importer.importPackage(
                    new UpgradePackageRequest(media.toString(), taken.name().toUpperCase(), "", "", 1, "admin"),
                    WimProgress.NONE));
            assertEquals(Reason.DUPLICATE_NAME, duplicate.reason(), duplicate.getMessage());
            assertEquals(withTaken, storedFolders());
        } finally {
            importer.remove(taken.id());
        }
        assertEquals(before, storedFolders(), "no copied folder left");
        assertEquals(records, packages.upgradePackages().size(), "no record left");
    }

    @Test
    void aCancelledImportLeavesNoFolderAndNoRecord() throws Exception {
        List<String> before = storedFolders();
        int records = packages.upgradePackages().size();
        WimProgress cancelMidCopy = new WimProgress() {
            private long copied;

            @Override
            public void worked(long work) {
                copied += work;
            }

            @Override
            public boolean isCanceled() {
                return copied > 1_000_000; // within sources/boot.wim, after the first files
            }
        };

        ImportException cancelled = assertThrows(ImportException.class, () -> importer.importPackage(
                new UpgradePackageRequest(media.toString(), "Cancelled " + System.nanoTime(), "", "", 1, "admin"),
                cancelMidCopy));

        assertEquals(Reason.CANCELLED, cancelled.reason(), cancelled.getMessage());
        assertEquals(before, storedFolders());
        assertEquals(records, packages.upgradePackages().size());
    }

    private void assertRefused(Reason reason, String path, String saying) {
        ImportException refused = assertThrows(ImportException.class, () -> importer.importPackage(
                new UpgradePackageRequest(path, "Refused " + System.nanoTime(), "", "", 0, "admin"), WimProgress.NONE));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertTrue(refused.getMessage().contains(saying), refused.getMessage());
    }

    private Path copyOfMedia(String name) throws Exception {
        Path copy = work.resolve(name);
        try (Stream<Path> files = Files.walk(media)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(media.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return copy;
    }

    static Path dataFolder() {
        return Path.of(System.getProperty("fenestra.data"));
    }

    static List<String> storedFolders() throws Exception {
        Path folder = dataFolder().resolve("upgrade-packages");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
