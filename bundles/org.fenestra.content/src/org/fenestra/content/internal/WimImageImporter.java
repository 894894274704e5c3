package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.DuplicateImageNameException;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.content.api.ImportRequest;
import org.fenestra.content.api.InsufficientSpaceException;
import org.fenestra.content.api.SourceImages;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports OS images from local paths and UNC paths. UNC sources are opened over SMB2/3 with
 * the credentials {@code SmbConfiguration} reads from the framework properties
 * ({@code fenestra.smb.user}, {@code .password}, {@code .domain}, {@code .port}, also per
 * server as {@code fenestra.smb.SERVER.user} ...) or from {@code smb.properties} in the data
 * folder ({@code fenestra.data}); the extracted WIM is written on the same share. The checks
 * run in the order an admin fixes them (EULA, path, WIM, index, architecture and language,
 * name, free space) so a bad request fails before
 * anything is written; the extracted WIM is deleted again if the catalog refuses the record. The
 * image's facts (product, edition, build, UBR, languages) are read from its own hives and stored
 * with the record.
 */
@Component(service = ImageImporter.class)
public final class WimImageImporter implements ImageImporter {

    @Reference
    private ImageCatalog catalog;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public OsImageRecord importImage(ImportRequest request, WimProgress progress) throws ImportException {
        if (request.eulaAcceptedBy() == null || request.eulaAcceptedBy().isBlank()) {
            throw new ImportException(Reason.EULA_NOT_ACCEPTED,
                    "accept the license terms of the image to add it; nothing was added");
        }
        try (ImageSource opened = ImageSource.open(request.sourcePath(), SmbSettings.load(context))) {
            Path source = opened.file();
            String name = request.name().isEmpty() ? ExtractedFiles.baseName(source) : request.name();
            try (WimFile wim = WimFile.open(source)) {
                int index = request.extractIndex();
                // The index before the name: a wrong index is the admin's first mistake to hear about.
                if (index < 0 || index > wim.imageCount()) {
                    throw new ImportException(Reason.INDEX_OUT_OF_RANGE, "image index " + index + " does not exist: "
                            + source.getFileName() + " holds images 1 to " + wim.imageCount());
                }
                // Without extraction the whole file is the image; its first image describes it.
                int sourceIndex = index == 0 ? 1 : index;
                ImageProperties properties = ImageProperties.of(wim.image(sourceIndex), request.architecture(),
                        request.language());
                requireUnusedName(name);
                ImageFacts facts = ImageFactsReader.read(wim, sourceIndex, progress);
                Path stored = index == 0 ? source : extract(wim, index, progress);
                // An extracted WIM holds the chosen image as its only one, index 1.
                NewOsImage image = new NewOsImage(name, request.version(), request.comment(), source.toString(),
                        stored.toString(), 1, properties.osVersion(), properties.edition(),
                        properties.architecture(), properties.language(), Files.size(stored),
                        new EulaAcceptance(request.eulaAcceptedBy(), Instant.now()), sourceIndex, index != 0);
                return addOrDiscard(image, facts, index == 0 ? null : stored);
            } catch (NotAWimException e) {
                throw new ImportException(Reason.NOT_A_WIM, source + " is not a WIM file: " + e.getMessage(), e);
            } catch (WimCancelledException e) {
                throw new ImportException(Reason.CANCELLED, "cancelled; nothing was added", e);
            } catch (WimException e) {
                throw new ImportException(Reason.CORRUPT_WIM, source + " cannot be read: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new ImportException(Reason.WRITE_FAILED, "reading " + source + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public SourceImages indexes(String sourcePath) throws ImportException {
        try (ImageSource opened = ImageSource.open(sourcePath, SmbSettings.load(context));
                WimFile wim = WimFile.open(opened.file())) {
            return new SourceImages(sourcePath, wim.images(), wim.bootIndex());
        } catch (NotAWimException e) {
            throw new ImportException(Reason.NOT_A_WIM, sourcePath + " is not a WIM file: " + e.getMessage(), e);
        } catch (WimException e) {
            throw new ImportException(Reason.CORRUPT_WIM, sourcePath + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(Reason.WRITE_FAILED, "reading " + sourcePath + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> licenseTerms(String sourcePath, int index) throws ImportException {
        try (ImageSource opened = ImageSource.open(sourcePath, SmbSettings.load(context));
                WimFile wim = WimFile.open(opened.file())) {
            if (index < 1 || index > wim.imageCount()) {
                throw new ImportException(Reason.INDEX_OUT_OF_RANGE, "image index " + index + " does not exist: "
                        + sourcePath + " holds images 1 to " + wim.imageCount());
            }
            return LicenseTerms.read(wim.openImage(index), wim.image(index).editionId());
        } catch (NotAWimException e) {
            throw new ImportException(Reason.NOT_A_WIM, sourcePath + " is not a WIM file: " + e.getMessage(), e);
        } catch (WimException e) {
            throw new ImportException(Reason.CORRUPT_WIM, sourcePath + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(Reason.WRITE_FAILED, "reading " + sourcePath + " failed: " + e.getMessage(), e);
        }
    }

    private void requireUnusedName(String name) throws ImportException {
        try {
            if (catalog.findByName(name).isPresent()) {
                throw new ImportException(Reason.DUPLICATE_NAME, "an OS image named \"" + name
                        + "\" already exists; choose another name");
            }
        } catch (CatalogException e) {
            throw new ImportException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
    }

    private static Path extract(WimFile wim, int index, WimProgress progress) throws ImportException, IOException {
        Path target = ExtractedFiles.targetFor(wim.path(), index);
        if (Files.exists(target)) {
            throw new ImportException(Reason.WRITE_FAILED, target + " already exists; remove or rename it first");
        }
        WriteOptions options = wim.writeOptionsKeepingCompression();
        long needed = wim.exportSizeBound(index, options);
        ExtractionSpace.check(target, needed);
        try {
            WimWriter.export(wim, List.of(index), target, null, null, options, progress);
            return target;
        } catch (WimCancelledException e) {
            throw new ImportException(Reason.CANCELLED, "cancelled; nothing was added", e);
        } catch (WimFormatException | BlobHashMismatchException e) { // the source's data, not the write
            throw new ImportException(Reason.CORRUPT_WIM, "extracting image " + index + " from " + wim.path()
                    + " failed, its data is damaged: " + e.getMessage() + "; nothing was added", e);
        } catch (IOException e) {
            if (ExtractionSpace.isDiskFull(e)) {
                throw new InsufficientSpaceException(target.toString(), needed, ExtractionSpace.usableSpace(target), e);
            }
            throw new ImportException(Reason.WRITE_FAILED, "extracting image " + index + " to " + target
                    + " failed: " + e.getMessage(), e);
        }
    }

    private OsImageRecord addOrDiscard(NewOsImage image, ImageFacts facts, Path extracted) throws ImportException {
        try {
            return catalog.add(image, facts);
        } catch (CatalogException e) {
            ExtractedFiles.deleteQuietly(extracted);
            Reason reason = e instanceof DuplicateImageNameException ? Reason.DUPLICATE_NAME : Reason.CATALOG_FAILED;
            throw new ImportException(reason, e.getMessage(), e);
        }
    }
}
