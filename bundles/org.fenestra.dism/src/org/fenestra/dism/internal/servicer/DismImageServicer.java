package org.fenestra.dism.internal.servicer;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The servicer for Microsoft's own update packages (CBS cabinets, MSUs, folders expanded from PSFX
 * packages) through DismApi.dll: mounts the working copy's index in the work folder, adds packages
 * with {@code DismAddPackage}, and unmounts committing or discarding. Disabled until
 * {@link DismServicerActivation} finds that DismApi loads.
 */
@Component(name = DismImageServicer.COMPONENT, service = ImageServicer.class, enabled = false)
public final class DismImageServicer implements ImageServicer {

    static final String COMPONENT = "org.fenestra.dism.servicer";

    private final DismServicerSettings settings;
    /** Stale mount points are cleaned once, at the first session after the servicer starts. */
    private final AtomicBoolean staleMountsCleaned = new AtomicBoolean();

    @Activate
    public DismImageServicer(BundleContext context) {
        this(DismServicerSettings.from(context::getProperty));
    }

    DismImageServicer(DismServicerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "dism";
    }

    /** Above the portable servicer (10): where DISM is present, it is the servicer for its package types. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Support supports(PackageType type) {
        return support(type);
    }

    static Support support(PackageType type) {
        return switch (type) {
            case CBS, MSU, PSFX -> Support.YES;
            case FENESTRA -> Support.no("not applied: a Fenestra package is applied by the portable servicer, not DISM");
            case UNKNOWN -> Support.no("not applied: the file is not an update package any servicer knows");
        };
    }

    @Override
    public ServicingSession open(Path wimFile, int index, Path workFolder, WimProgress progress)
            throws ServicingException {
        return open(wimFile, index, workFolder, progress, line -> {
        });
    }

    @Override
    public ServicingSession open(Path wimFile, int index, Path workFolder, WimProgress progress, Consumer<String> log)
            throws ServicingException {
        return DismServicingSession.open(settings, staleMountsCleaned, wimFile, index, workFolder, progress, log);
    }
}
