package org.fenestra.dism.internal.servicer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismProgress;
import org.fenestra.dism.DismVersionCheck;
import org.fenestra.dism.DismVersionTooOldException;
import org.fenestra.dism.ImageInfo;
import org.fenestra.dism.InstalledPackage;
import org.fenestra.dism.MountMode;
import org.fenestra.dism.UnmountMode;
import org.fenestra.dism.WindowsVersion;
import org.fenestra.servicing.api.ImagePackage;
import org.fenestra.servicing.api.ImageServicer.Support;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;

/**
 * One image index mounted read-write by DISM in the work folder, with a DISM session open on it.
 * The WIM file changes only when {@link #commit} unmounts with commit; {@link #discard}, a failed or
 * cancelled commit and {@link #close} unmount discarding. DISM runs (is initialised) for as long as
 * the session lasts, logging into the work folder's {@code dism.log}, whose lines go into the run's
 * servicing log when the session ends.
 */
final class DismServicingSession implements ServicingSession {

    static final String DISM_LOG = "dism.log";
    private static final System.Logger LOG = System.getLogger("org.fenestra.servicing.dism");

    private final DismServicerSettings settings;
    private final DismHost host;
    private final Path wimFile;
    private final int index;
    private final Path workFolder;
    private final Path mount;
    private final Consumer<String> log;
    private DismImageSession image;
    private boolean finished;

    private DismServicingSession(DismServicerSettings settings, DismHost host, Path wimFile, int index,
            Path workFolder, Path mount, DismImageSession image, Consumer<String> log) {
        this.settings = settings;
        this.host = host;
        this.wimFile = wimFile;
        this.index = index;
        this.workFolder = workFolder;
        this.mount = mount;
        this.image = image;
        this.log = log;
    }

    static DismServicingSession open(DismServicerSettings settings, AtomicBoolean staleMountsCleaned, Path wimFile,
            int index, Path workFolder, WimProgress progress, Consumer<String> log) throws ServicingException {
        if (!Files.isRegularFile(wimFile)) {
            throw new ServicingException(Reason.BAD_IMAGE, wimFile + ": no such WIM file");
        }
        if (!Files.isDirectory(workFolder)) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, workFolder + ": the work folder does not exist");
        }
        checkCanceled(progress, "opening " + wimFile);
        Consumer<String> lines = line -> {
            LOG.log(System.Logger.Level.INFO, line);
            log.accept(line);
        };
        DismHost host;
        try {
            host = DismHost.start(settings.hostOptions(workFolder));
        } catch (DismException e) {
            throw ServicingFailures.of("DISM could not be started", e);
        }
        Path mount = null;
        boolean mounted = false;
        try {
            lines.accept("DISM from " + host.library());
            if (staleMountsCleaned.compareAndSet(false, true)) {
                lines.accept("cleaning up mount points an interrupted run left behind (DismCleanupMountpoints)");
                host.cleanupMountpoints();
            }
            requireImage(settings, host, wimFile, index, lines);
            mount = Files.createTempDirectory(workFolder, "mount-");
            lines.accept("mounting index " + index + " of " + wimFile + " at " + mount);
            host.mountImage(wimFile.toString(), index, mount.toString(), MountMode.READ_WRITE, bridge(progress));
            mounted = true;
            DismImageSession image = host.openSession(mount.toString());
            return new DismServicingSession(settings, host, wimFile, index, workFolder, mount, image, lines);
        } catch (DismException | IOException | ServicingException | RuntimeException e) {
            if (mounted) {
                unmountQuietly(host, mount, lines);
            }
            deleteQuietly(mount);
            closeQuietly(host);
            copyDismLog(workFolder, lines);
            if (e instanceof ServicingException servicing) {
                throw servicing;
            }
            if (e instanceof DismException dism) {
                throw ServicingFailures.ofImage("opening index " + index + " of " + wimFile, dism);
            }
            if (e instanceof IOException io) {
                throw new ServicingException(Reason.IO, "cannot make the mount folder in " + workFolder + ": "
                        + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The index exists and the host's DISM is not older than the image's Windows (which can corrupt it). */
    private static void requireImage(DismServicerSettings settings, DismHost host, Path wimFile, int index,
            Consumer<String> log) throws DismException, ServicingException {
        List<ImageInfo> images = host.imageInfo(wimFile.toString());
        ImageInfo info = images.stream().filter(i -> i.index() == index).findFirst()
                .orElseThrow(() -> new ServicingException(Reason.BAD_IMAGE,
                        wimFile + " has " + images.size() + " image(s); there is no index " + index));
        Optional<WindowsVersion> dism = settings.hostVersion().or(host::version);
        if (dism.isEmpty()) {
            log.accept("DISM's version is unknown (" + host.library() + " carries no file version): the check that "
                    + "DISM is not older than the image's Windows " + info.version() + " was not made");
            return;
        }
        try {
            DismVersionCheck.requireHostNotOlder(dism.get(), info.version());
        } catch (DismVersionTooOldException e) {
            throw new ServicingException(Reason.SERVICER_OUTDATED, wimFile + " index " + index + ": " + e.getMessage(),
                    e);
        }
        log.accept("DISM " + dism.get() + " services the image's Windows " + info.version());
    }

    @Override
    public Path wimFile() {
        return wimFile;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public PackageOutcome addPackage(ServicingPackage pkg, WimProgress progress) throws ServicingException {
        ensureOpen();
        Support support = DismImageServicer.support(pkg.type());
        if (!support.supported()) {
            return PackageOutcome.notSupported(support.reason());
        }
        String what = "adding " + pkg.updateId() + " (" + pkg.file() + ")";
        checkCanceled(progress, what);
        Path file = null;
        try {
            file = asDismSeesIt(pkg);
            Set<String> before = names(image.packages());
            log.accept(what + " with DismAddPackage" + (file.equals(pkg.file()) ? "" : " as " + file));
            DismCompletion completion = image.addPackage(file.toString(), false, false, bridge(progress));
            List<String> added = new ArrayList<>(names(image.packages()));
            added.removeAll(before);
            String identity = added.isEmpty() ? image.packageInfoOfFile(file.toString()).name()
                    : String.join(", ", added);
            String detail = (added.isEmpty() ? "already in the image: " : "added with DISM: ") + identity
                    + (completion == DismCompletion.RESTART_REQUIRED
                            ? "; DISM says the image finishes installing it at its first start" : "");
            log.accept(pkg.updateId() + " " + detail);
            return new PackageOutcome(PackageOutcome.Result.APPLIED, identity, detail, 0, 0, 0);
        } catch (DismException e) {
            log.accept(what + " failed: " + e.getMessage());
            throw ServicingFailures.ofPackage(what, e);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, what + ": cannot stage the package for DISM in " + workFolder + ": "
                    + e.getMessage(), e);
        } finally {
            if (file != null && !file.equals(pkg.file())) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * The package as DISM needs it: DISM tells a CBS cabinet from an MSU by the file's extension, and
     * the content library keeps files without one, so those are linked (or copied) into the work
     * folder as {@code <update ID>.cab} or {@code .msu}. Folders (expanded packages) and files named
     * as DISM expects are given as they are.
     */
    private Path asDismSeesIt(ServicingPackage pkg) throws IOException {
        Path file = pkg.file();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file) || name.endsWith(".cab") || name.endsWith(".msu")) {
            return file;
        }
        String extension = pkg.type() == PackageType.MSU ? ".msu" : ".cab";
        Path staged = Files.createDirectories(workFolder.resolve("packages"))
                .resolve(pkg.updateId().replaceAll("[^A-Za-z0-9._-]", "_") + extension);
        Files.deleteIfExists(staged);
        try {
            Files.createLink(staged, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, staged);
        }
        return staged;
    }

    private static Set<String> names(List<InstalledPackage> packages) {
        Set<String> names = new LinkedHashSet<>();
        packages.forEach(p -> names.add(p.name()));
        return names;
    }

    @Override
    public List<ImagePackage> packages() throws ServicingException {
        ensureOpen();
        try {
            return image.packages().stream().map(p -> new ImagePackage(p.name(), "CBS")).toList();
        } catch (DismException e) {
            throw ServicingFailures.of("listing the packages of " + wimFile, e);
        }
    }

    /**
     * StartComponentCleanup with ResetBase: through {@code _DismCleanImage} where DismApi exports it,
     * else by {@code dism.exe /Cleanup-Image} on the mounted image, with the session closed meanwhile
     * (two servicing clients on one image at once is what DISM refuses).
     */
    @Override
    public boolean cleanupComponents(WimProgress progress) throws ServicingException {
        ensureOpen();
        checkCanceled(progress, "component cleanup");
        try {
            if (image.componentCleanupAvailable()) {
                log.accept("component cleanup (StartComponentCleanup /ResetBase) with _DismCleanImage");
                image.cleanupComponents(true, bridge(progress));
                return true;
            }
            Path tool = settings.cleanupTool(host.library());
            log.accept("component cleanup: this DISM has no _DismCleanImage; running " + tool);
            image.close();
            image = null;
            try {
                new ComponentCleanupCommand(tool, mount, workFolder, log).run(progress);
            } finally {
                image = host.openSession(mount.toString());
            }
            return true;
        } catch (DismException e) {
            throw ServicingFailures.of("component cleanup of " + wimFile, e);
        }
    }

    @Override
    public void commit(WimProgress progress) throws ServicingException {
        ensureOpen();
        try {
            checkCanceled(progress, "committing " + wimFile);
            closeImage();
            log.accept("unmounting " + mount + ", committing the changes into " + wimFile);
            host.unmountImage(mount.toString(), UnmountMode.COMMIT, bridge(progress));
            log.accept("committed " + wimFile);
        } catch (DismException | ServicingException e) {
            // the WIM stays as it was: drop the mount's changes
            unmountQuietly(host, mount, log);
            finish();
            if (e instanceof DismException dism) {
                throw ServicingFailures.of("committing " + wimFile, dism);
            }
            throw (ServicingException) e;
        }
        finish();
    }

    @Override
    public void discard() throws ServicingException {
        ensureOpen();
        try {
            closeImage();
            log.accept("unmounting " + mount + ", discarding the changes");
            host.unmountImage(mount.toString(), UnmountMode.DISCARD, DismProgress.NONE);
        } catch (DismException e) {
            throw ServicingFailures.of("discarding the changes to " + wimFile, e);
        } finally {
            finish();
        }
    }

    @Override
    public void close() throws ServicingException {
        if (!finished) {
            discard();
        }
    }

    private void ensureOpen() throws ServicingException {
        if (finished) {
            throw new ServicingException(Reason.CLOSED, "the DISM session on " + wimFile + " was committed or discarded");
        }
    }

    private void closeImage() throws DismException {
        if (image != null) {
            DismImageSession open = image;
            image = null;
            open.close();
        }
    }

    /** Ends the session: DISM shut down (its log copied into the servicing log) and the mount folder gone. */
    private void finish() {
        finished = true;
        try {
            closeImage();
        } catch (DismException e) {
            log.accept("closing the DISM session failed: " + e.getMessage());
        }
        closeQuietly(host);
        deleteQuietly(mount);
        copyDismLog(workFolder, log);
    }

    private static void unmountQuietly(DismHost host, Path mount, Consumer<String> log) {
        try {
            host.unmountImage(mount.toString(), UnmountMode.DISCARD, DismProgress.NONE);
            log.accept("unmounted " + mount + ", changes discarded");
        } catch (DismException e) {
            log.accept("unmounting " + mount + " failed (DismCleanupMountpoints removes it at the next start): "
                    + e.getMessage());
        }
    }

    private static void closeQuietly(DismHost host) {
        try {
            host.close();
        } catch (DismException e) {
            LOG.log(System.Logger.Level.WARNING, "shutting DISM down failed: " + e.getMessage());
        }
    }

    /** DISM's own log of the session, line by line into the servicing log, then removed (the next session writes its own). */
    private static void copyDismLog(Path workFolder, Consumer<String> log) {
        Path file = workFolder.resolve(DISM_LOG);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    log.accept("dism.log: " + line.strip());
                }
            }
            Files.delete(file);
        } catch (IOException | UncheckedIOException e) {
            log.accept("DISM's log " + file + " could not be read: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the mount folder " + folder + ": " + e.getMessage());
        }
    }

    private static void checkCanceled(WimProgress progress, String what) throws ServicingException {
        if (progress.isCanceled()) {
            throw new ServicingException(Reason.CANCELLED, what + " was cancelled");
        }
    }

    /** DISM's progress as the current activity's own measure; the monitor's cancel cancels the DISM call. */
    static DismProgress bridge(WimProgress progress) {
        return new DismProgress() {
            @Override
            public void worked(long current, long total) {
                progress.activityWork(current, total);
            }

            @Override
            public boolean isCanceled() {
                return progress.isCanceled();
            }
        };
    }
}
