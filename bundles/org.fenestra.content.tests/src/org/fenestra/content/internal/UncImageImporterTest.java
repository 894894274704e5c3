package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.RemovedImage;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.content.api.ImportRequest;
import org.fenestra.content.api.InsufficientSpaceException;
import org.fenestra.content.api.SourceImages;
import org.fenestra.content.api.UpgradePackageImporter;
import org.fenestra.content.api.UpgradePackageRequest;
import org.fenestra.smb.SmbShares;
import org.fenestra.smb.UncPath;
import org.fenestra.registry.testing.SyntheticWindowsTree;
import org.fenestra.smb.samba.SambaServer;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports from UNC paths on a real smbd on 127.0.0.1 (user and password from the
 * {@code fenestra.smb.*} properties, as in production); what lands on the share is checked
 * through the share's folder with wimlib-imagex.
 */
class UncImageImporterTest {

    private static SambaServer samba;
    private static ImageImporter importer;
    private static ImageCatalog catalog;

    @BeforeAll
    static void startSamba() throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        samba = SambaServer.start();
        importer = Services.get(ImageImporter.class);
        catalog = Services.get(ImageCatalog.class);
        for (String server : List.of("127.0.0.1", "localhost")) {
            System.setProperty("fenestra.smb." + server + ".port", String.valueOf(samba.port()));
            System.setProperty("fenestra.smb." + server + ".user", SambaServer.USER);
        }
        System.setProperty("fenestra.smb.127.0.0.1.password", SambaServer.PASSWORD);
        System.setProperty("fenestra.smb.localhost.password", "not the password");
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (samba != null) {
            samba.close();
        }
    }

    @BeforeEach
    void emptyShares() throws IOException {
        samba.clearShares();
    }

    @Test
    void listsTheIndexesOfAUncSource() throws Exception {
        copyToShare(samba.imagesFolder());
        SourceImages source = importer.indexes(samba.unc("images", "multi.wim"));
        assertEquals(List.of("basic", "modified", "other"), source.images().stream().map(WimImageInfo::name).toList());
        assertEquals(2, source.bootIndex());
        assertEquals(List.of("basic", "modified", "other"), importer.indexes("//127.0.0.1/images/multi.wim").images()
                .stream().map(WimImageInfo::name).toList());
    }

    @Test
    void extractsIndexTwoOntoTheShareAndImportsOnlyIt() throws Exception {
        Path source = copyToShare(samba.imagesFolder().resolve("os"));
        String sourceHash = Services.sha256(source);
        String unc = samba.unc("images", "os\\multi.wim");

        OsImageRecord added = importer.importImage(new ImportRequest(unc, "CONTOSO\\admin", 2,
                "UNC index 2 " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        try {
            Path extracted = samba.imagesFolder().resolve("os/multi-index2.wim");
            assertEquals(samba.unc("images", "os\\multi-index2.wim"), added.storedPath());
            assertEquals(unc, added.sourcePath());
            assertEquals(1, added.imageIndex(), "the extracted WIM holds the image as its index 1");
            assertEquals(2, added.sourceIndex());
            assertEquals(Files.size(extracted), added.sizeBytes());
            assertEquals(added, catalog.get(added.id()));
            assertEquals(sourceHash, Services.sha256(source), "the source WIM must not change");
            assertEquals(List.of("multi-index2.wim", "multi.wim"), names(extracted.getParent()),
                    "only the extracted WIM is new on the share (no temporary file left)");

            String info = Wimlib.run("info", extracted.toString());
            assertTrue(info.lines().anyMatch(l -> l.matches("Image Count:\\s+1")), info);
            assertTrue(info.lines().anyMatch(l -> l.matches("Name:\\s+modified")), info);
            assertTrue(info.lines().anyMatch(l -> l.matches("Description:\\s+image 2")), info);
            Wimlib.run("verify", extracted.toString());
            // the same files, attributes and data as index 2 of the source, by wimlib's own listing
            assertEquals(content(Wimlib.run("dir", source.toString(), "2", "--detailed")),
                    content(Wimlib.run("dir", extracted.toString(), "1", "--detailed")));

            RemovedImage removed = Services.get(ImageRemover.class).remove(added.id(), false);
            assertEquals(List.of(added.storedPath()), removed.deletedFiles(), removed.problem());
            assertEquals(List.of("multi.wim"), names(extracted.getParent()), "removal deletes the extracted WIM on the share");
        } finally {
            if (catalog.findByName(added.name()).isPresent()) {
                catalog.remove(added.id());
            }
        }
    }

    @Test
    void aUncImportReadsTheImageFactsFromTheWimOnTheShare(@TempDir Path work) throws Exception {
        SyntheticWindowsTree.Spec spec = SyntheticWindowsTree.windows11Enterprise().withUbr(5012);
        SyntheticWims.capture(work, samba.imagesFolder().resolve("os/install.wim"), spec, null);

        OsImageRecord added = importer.importImage(new ImportRequest(samba.unc("images", "os\\install.wim"), "admin",
                1, "UNC facts " + System.nanoTime(), "", "", "", ""), WimProgress.NONE);
        try {
            assertEquals(SyntheticWims.expected(spec), catalog.facts(added.id()));
            assertEquals("26100.5012", catalog.facts(added.id()).buildText());
        } finally {
            catalog.remove(added.id());
        }
    }

    @Test
    void anUpgradePackageIsCopiedWholeFromAShare(@TempDir Path work) throws Exception {
        Path media = SetupMediaFolders.write(work.resolve("tree"), samba.imagesFolder().resolve("Win11 media"));
        Map<String, String> source = SetupMediaFolders.checksums(media);
        UpgradePackageImporter packages = Services.get(UpgradePackageImporter.class);
        String unc = samba.unc("images", "Win11 media");

        UpgradePackageRecord added = packages.importPackage(new UpgradePackageRequest(unc, "", "", "", 0, "admin"),
                WimProgress.NONE);
        try {
            assertEquals("Win11 media", added.name(), "named after the folder");
            assertEquals(unc, added.sourcePath());
            assertEquals(source, SetupMediaFolders.checksums(Path.of(added.storedFolder())));
            assertEquals(source, SetupMediaFolders.checksums(media), "the share's folder is only read");
            assertEquals(SyntheticWims.expected(SetupMediaFolders.SPEC), catalog.facts(added.id()));
        } finally {
            packages.remove(added.id());
        }
        Files.delete(media.resolve("setup.exe"));
        ImportException refused = assertThrows(ImportException.class, () -> packages.importPackage(
                new UpgradePackageRequest(unc, "", "", "", 0, "admin"), WimProgress.NONE));
        assertEquals(Reason.NOT_SETUP_MEDIA, refused.reason(), refused.getMessage());
    }

    @Test
    void badUncRequestsFailWithTheirReasonAndWriteNothing() throws Exception {
        Path source = copyToShare(samba.imagesFolder());
        Files.copy(Path.of("data", "truncated-half.wim"), samba.imagesFolder().resolve("truncated-half.wim"));
        Files.writeString(samba.imagesFolder().resolve("notes.wim"), "this is not a WIM file\n".repeat(40));
        OsImageRecord taken = importer.importImage(new ImportRequest(samba.unc("images", "multi.wim"), "admin", 0,
                "Taken UNC " + System.nanoTime(), "", "", "x64", ""), WimProgress.NONE);
        List<OsImageRecord> before = catalog.list();
        List<String> filesBefore = names(samba.imagesFolder());
        String sourceHash = Services.sha256(source);
        try {
            String multi = samba.unc("images", "multi.wim");
            assertFails(Reason.EULA_NOT_ACCEPTED, new ImportRequest(multi, null, 2, "a", "", "", "", ""));
            assertFails(Reason.SOURCE_NOT_FOUND, request(samba.unc("images", "missing.wim"), 0, "b"));
            assertFails(Reason.SOURCE_NOT_FOUND, request("\\\\127.0.0.1\\nosuchshare\\multi.wim", 0, "b2"));
            assertFails(Reason.NOT_A_WIM, request(samba.unc("images", "notes.wim"), 0, "c"));
            assertFails(Reason.CORRUPT_WIM, request(samba.unc("images", "truncated-half.wim"), 0, "d"));
            assertFails(Reason.INDEX_OUT_OF_RANGE, request(multi, 4, "e"));
            assertFails(Reason.DUPLICATE_NAME, request(multi, 2, taken.name().toUpperCase()));
            assertFails(Reason.SHARE_LOGON_FAILED, request("\\\\localhost\\images\\multi.wim", 2, "f"));
            assertFails(Reason.INVALID_ARGUMENT, request("\\\\127.0.0.1", 2, "g"));
            ImportException listing = assertThrows(ImportException.class,
                    () -> importer.indexes("\\\\localhost\\images\\multi.wim"));
            assertEquals(Reason.SHARE_LOGON_FAILED, listing.reason(), listing.getMessage());

            assertEquals(before, catalog.list(), "a failed import must add nothing to the catalog");
            assertEquals(filesBefore, names(samba.imagesFolder()), "a failed import must write nothing on the share");
            assertEquals(sourceHash, Services.sha256(source));
        } finally {
            catalog.remove(taken.id());
        }
    }

    @Test
    void aFullShareIsRefusedWithNeededAndAvailableBytes() throws Exception {
        copyToShare(samba.tinyFolder());
        List<OsImageRecord> before = catalog.list();
        InsufficientSpaceException full = (InsufficientSpaceException) assertFails(Reason.INSUFFICIENT_SPACE,
                request(samba.unc("tiny", "multi.wim"), 2, "Tiny " + System.nanoTime()));
        long usable = Files.getFileStore(samba.tinyFolder()).getUsableSpace();
        assertEquals(usable, full.availableBytes(), "available bytes as the share reports them");
        assertTrue(full.neededBytes() > usable, full.getMessage());
        assertTrue(full.getMessage().contains(full.neededBytes() + " bytes are needed")
                && full.getMessage().contains(usable + " bytes are available"), full.getMessage());
        assertEquals(before, catalog.list());
        assertEquals(List.of("multi.wim"), names(samba.tinyFolder()));
    }

    @Test
    void aFullLocalVolumeIsRefusedTheSameWay() throws Exception {
        Path source = copyToShare(samba.tinyFolder()); // the tiny share's folder is a local tmpfs
        List<OsImageRecord> before = catalog.list();
        assertFails(Reason.INSUFFICIENT_SPACE, request(source.toString(), 2, "Tiny local " + System.nanoTime()));
        assertEquals(before, catalog.list());
        assertEquals(List.of("multi.wim"), names(samba.tinyFolder()));
    }

    /** The check before writing can be outrun; a share filling up while writing must leave nothing either. */
    @Test
    void aShareRunningFullWhileWritingLeavesNoFile() throws Exception {
        Path local = copyToShare(samba.imagesFolder());
        Files.write(samba.tinyFolder().resolve("filler.bin"), new byte[(int) (SambaServer.TINY_BYTES - 96 * 1024)]);
        try (FileSystem tiny = SmbShares.open(UncPath.parse(samba.unc("tiny", "x")), org.fenestra.smb.SmbConfiguration.load());
                WimFile wim = WimFile.open(local)) {
            Path target = SmbShares.path(tiny, UncPath.parse(samba.unc("tiny", "multi-index2.wim")));
            IOException error = assertThrows(IOException.class, () -> WimWriter.export(wim, List.of(2), target, null,
                    null, wim.writeOptionsKeepingCompression(), WimProgress.NONE));
            assertTrue(ExtractionSpace.isDiskFull(error), "seen as disk full: " + error);
        }
        assertEquals(List.of("filler.bin"), names(samba.tinyFolder()), "no partial or temporary file on the share");
    }

    /** What a detailed listing says about the files, without where the data sits in the WIM. */
    private static List<String> content(String detailedListing) {
        return detailedListing.lines()
                .filter(l -> l.matches("\\s*(Full Path|Short Name|Attributes|Link Count|Hash|Uncompressed size)\\s+=.*"))
                .toList();
    }

    private static ImportRequest request(String path, int index, String name) {
        return new ImportRequest(path, "admin", index, name, "", "", "x64", "");
    }

    private static ImportException assertFails(Reason reason, ImportRequest request) {
        ImportException error = assertThrows(ImportException.class, () -> importer.importImage(request, WimProgress.NONE));
        assertEquals(reason, error.reason(), error.getMessage());
        return error;
    }

    private static Path copyToShare(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.copy(Path.of("data", "multi.wim"), folder.resolve("multi.wim"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
