package org.fenestra.servicing.portable.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.model.WimProgress;
import org.osgi.service.component.annotations.Component;

/**
 * The servicer that runs everywhere: applies Fenestra packages ({@code .fpkg}: file adds, replaces,
 * deletes and {@code .reg} imports) on Fenestra's own WIM engine, editing the image's tree in place
 * as {@code wimlib-imagex update} does (only new data is written; the image is never extracted).
 * CBS, MSU and PSFX packages are reported as not supported: they need DISM.
 */
@Component(service = ImageServicer.class)
public final class PortableImageServicer implements ImageServicer {

    static final String NEEDS_DISM = "this update type needs the DISM servicer on a Windows site server";

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Support supports(PackageType type) {
        return support(type);
    }

    static Support support(PackageType type) {
        return switch (type) {
            case FENESTRA -> Support.YES;
            case CBS, MSU, PSFX -> Support.no("not applied: " + type + " package; " + NEEDS_DISM);
            case UNKNOWN -> Support.no("not applied: the file is not an update package any servicer knows");
        };
    }

    @Override
    public ServicingSession open(Path wimFile, int index, Path workFolder, WimProgress progress)
            throws ServicingException {
        if (!Files.isRegularFile(wimFile)) {
            throw new ServicingException(Reason.BAD_IMAGE, wimFile + ": no such WIM file");
        }
        if (!Files.isDirectory(workFolder)) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, workFolder + ": the work folder does not exist");
        }
        try {
            WimProgress.checkCanceled(progress);
            try (WimFile wim = WimFile.open(wimFile)) {
                if (index < 1 || index > wim.imageCount()) {
                    throw new ServicingException(Reason.BAD_IMAGE,
                            wimFile + " has " + wim.imageCount() + " image(s); there is no index " + index);
                }
                wim.openImage(index); // reads the metadata: a damaged image is refused now, not mid-run
            }
            return new PortableSession(wimFile, index, workFolder, WimRollback.remember(wimFile));
        } catch (WimCancelledException e) {
            throw new ServicingException(Reason.CANCELLED, "opening " + wimFile + " was cancelled", e);
        } catch (WimFormatException e) {
            throw new ServicingException(Reason.BAD_IMAGE, wimFile + ": not a valid WIM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ServicingException(Reason.BAD_IMAGE, wimFile + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
