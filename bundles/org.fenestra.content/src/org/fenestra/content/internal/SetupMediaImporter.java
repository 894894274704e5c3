package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.DuplicateImageNameException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewUpgradePackage;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.content.api.InsufficientSpaceException;
import org.fenestra.content.api.UpgradePackageImporter;
import org.fenestra.content.api.UpgradePackageRequest;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimException;
import org.fenestra.wim.model.WimProgress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports Windows setup media folders as OS upgrade packages. The checks run before anything is
 * written, in the order an admin fixes them (folder, setup.exe, install.wim, index, name, space); the
 * folder is then copied into {@code <data>/upgrade-packages/NAME-STAMP.partial}, renamed to its final
 * name once complete, and recorded. Any failure or cancel removes the copy, so nothing is left.
 */
@Component(service = UpgradePackageImporter.class)
public final class SetupMediaImporter implements UpgradePackageImporter {

    static final String FOLDER = "upgrade-packages";
    private static final String INSTALL_WIM = "install.wim";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Reference
    private ImageCatalog images;

    @Reference
    private UpgradePackageCatalog packages;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public UpgradePackageRecord importPackage(UpgradePackageRequest request, WimProgress progress) throws ImportException {
        try (ImageSource opened = ImageSource.openFolder(request.sourcePath(), SmbSettings.load(context))) {
            Path media = opened.file();
            Path installWim = installWim(media, request.sourcePath());
            int index = request.imageIndex() == 0 ? 1 : request.imageIndex();
            String name = request.name().isEmpty() ? folderName(media, request.sourcePath()) : request.name();
            try {
                InstallWim inspected = inspect(installWim, index, progress);
                requireUnusedName(name);
                FolderCopy.Listing listing = FolderCopy.list(media);
                Path stored = storedFolder(name);
                copy(listing, stored, progress);
                ImageProperties properties = inspected.properties();
                NewUpgradePackage added = new NewUpgradePackage(name, request.version(), request.comment(),
                        request.sourcePath(), stored.toString(), index, properties.osVersion(), properties.edition(),
                        properties.architecture(), properties.language(), inspected.bytes(), listing.bytes(),
                        listing.files().size(), request.addedBy().isBlank() ? System.getProperty("user.name") : request.addedBy());
                return addOrDiscard(added, inspected.facts(), stored);
            } catch (NotAWimException e) {
                throw new ImportException(Reason.NOT_A_WIM, request.sourcePath() + ": sources\\install.wim is not a WIM file: "
                        + e.getMessage(), e);
            } catch (WimCancelledException e) {
                throw new ImportException(Reason.CANCELLED, "cancelled; nothing was added", e);
            } catch (WimException e) {
                throw new ImportException(Reason.CORRUPT_WIM, request.sourcePath() + ": sources\\install.wim cannot be read: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new ImportException(Reason.WRITE_FAILED, "reading " + request.sourcePath() + " failed: "
                        + e.getMessage() + "; nothing was added", e);
            }
        }
    }

    /** What the install.wim's serviced index says about itself. */
    private record InstallWim(ImageProperties properties, ImageFacts facts, long bytes) {
    }

    private static InstallWim inspect(Path installWim, int index, WimProgress progress) throws ImportException, IOException {
        try (WimFile wim = WimFile.open(installWim)) {
            if (index > wim.imageCount()) {
                throw new ImportException(Reason.INDEX_OUT_OF_RANGE, "image index " + index + " does not exist: "
                        + "sources\\install.wim holds images 1 to " + wim.imageCount());
            }
            return new InstallWim(ImageProperties.of(wim.image(index), "", ""), ImageFactsReader.read(wim, index, progress),
                    Files.size(installWim));
        }
    }

    /** {@code sources/install.wim}, after checking the folder is setup media at all. */
    private static Path installWim(Path media, String text) throws ImportException {
        if (!Files.isRegularFile(media.resolve("setup.exe"))) {
            throw new ImportException(Reason.NOT_SETUP_MEDIA, text + " holds no setup.exe: an OS upgrade package is a"
                    + " Windows setup media folder (setup.exe, sources\\install.wim and the rest); nothing was added");
        }
        Path sources = media.resolve("sources");
        Path wim = sources.resolve(INSTALL_WIM);
        if (Files.isRegularFile(wim)) {
            return wim;
        }
        if (Files.isRegularFile(sources.resolve("install.esd"))) {
            throw new ImportException(Reason.NOT_SETUP_MEDIA, text + " holds sources\\install.esd, not install.wim:"
                    + " upgrade packages with an install.esd are not supported, as servicing needs an install.wim"
                    + " (export the ESD's images into sources\\install.wim first); nothing was added");
        }
        throw new ImportException(Reason.NOT_SETUP_MEDIA, text + " holds no sources\\install.wim; nothing was added");
    }

    private static String folderName(Path media, String text) {
        Path last = media.getFileName();
        String name = last == null ? "" : last.toString();
        return name.isBlank() ? text : name;
    }

    private void requireUnusedName(String name) throws ImportException {
        try {
            boolean taken = images.findByName(name).isPresent()
                    || packages.upgradePackages().stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
            if (taken) {
                throw new ImportException(Reason.DUPLICATE_NAME, "an OS image or upgrade package named \"" + name
                        + "\" already exists; choose another name");
            }
        } catch (CatalogException e) {
            throw new ImportException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
    }

    /** A new folder below the data folder's {@value #FOLDER}, named after the package so admins find it. */
    private Path storedFolder(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        String stamp = LocalDateTime.now().format(STAMP) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        return dataFolder().resolve(FOLDER).resolve(safe + "-" + stamp);
    }

    private Path dataFolder() {
        String data = context == null ? null : context.getProperty("fenestra.data");
        return data == null || data.isBlank() ? Path.of(System.getProperty("user.home"), ".fenestra") : Path.of(data);
    }

    /** Copies into {@code stored}.partial and renames it when complete; on any failure nothing stays. */
    private static void copy(FolderCopy.Listing listing, Path stored, WimProgress progress) throws ImportException {
        Path partial = stored.resolveSibling(stored.getFileName() + ".partial");
        try {
            Files.createDirectories(stored.getParent());
            long available = Files.getFileStore(stored.getParent()).getUsableSpace();
            if (available < listing.bytes()) {
                throw new InsufficientSpaceException(stored.toString(), listing.bytes(), available, null);
            }
            progress.beginTask("Copying the setup media", listing.bytes());
            FolderCopy.copy(listing, partial, progress);
            Files.move(partial, stored);
        } catch (WimCancelledException e) {
            FolderCopy.deleteTree(partial);
            throw new ImportException(Reason.CANCELLED, "cancelled; nothing was added", e);
        } catch (IOException e) {
            FolderCopy.deleteTree(partial);
            FolderCopy.deleteTree(stored);
            throw new ImportException(Reason.WRITE_FAILED, "copying the setup media to " + stored + " failed: "
                    + e.getMessage() + "; nothing was added", e);
        } catch (ImportException | RuntimeException e) {
            FolderCopy.deleteTree(partial);
            throw e;
        }
    }

    private UpgradePackageRecord addOrDiscard(NewUpgradePackage added, ImageFacts facts, Path stored)
            throws ImportException {
        try {
            return packages.add(added, facts);
        } catch (CatalogException e) {
            FolderCopy.deleteTree(stored);
            Reason reason = e instanceof DuplicateImageNameException ? Reason.DUPLICATE_NAME : Reason.CATALOG_FAILED;
            throw new ImportException(reason, e.getMessage() + "; nothing was added", e);
        } catch (RuntimeException e) {
            FolderCopy.deleteTree(stored);
            throw e;
        }
    }

    @Override
    public UpgradePackageRecord remove(String packageId) throws CatalogException {
        UpgradePackageRecord removed = packages.upgradePackage(packageId);
        packages.removePackage(packageId);
        FolderCopy.deleteTree(Path.of(removed.storedFolder()));
        return removed;
    }
}
