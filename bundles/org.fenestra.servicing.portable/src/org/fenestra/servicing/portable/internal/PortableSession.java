package org.fenestra.servicing.portable.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.servicing.api.ImagePackage;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimUpdater;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;

/**
 * A portable servicing session: each package is applied to the WIM at once, in one engine update
 * (so all or nothing per package); discard puts the file back as it was opened.
 */
final class PortableSession implements ServicingSession {

    /** Where the portable servicer records the Fenestra packages it applied, one manifest each. */
    static final String RECORDS = "Windows/servicing/Fenestra";
    static final String CBS_PACKAGES = "Windows/servicing/Packages";

    private final Path wimFile;
    private final int index;
    private final Path workFolder;
    private final WimRollback rollback;
    private int packagesAdded;
    private boolean open = true;

    PortableSession(Path wimFile, int index, Path workFolder, WimRollback rollback) {
        this.wimFile = wimFile;
        this.index = index;
        this.workFolder = workFolder;
        this.rollback = rollback;
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
    public synchronized PackageOutcome addPackage(ServicingPackage pkg, WimProgress progress) throws ServicingException {
        checkOpen();
        if (pkg.type() != PackageType.FENESTRA) {
            return PackageOutcome.notSupported(PortableImageServicer.support(pkg.type()).reason());
        }
        Path scratch = workFolder.resolve("package-" + ++packagesAdded);
        try {
            Files.createDirectories(scratch);
            return new FenestraPackageApplier(wimFile, index, scratch, RECORDS).apply(pkg, progress);
        } catch (WimCancelledException e) {
            throw new ServicingException(Reason.CANCELLED, pkg.updateId() + ": cancelled; the image is as it was", e);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, pkg.updateId() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    @Override
    public synchronized List<ImagePackage> packages() throws ServicingException {
        checkOpen();
        List<ImagePackage> packages = new ArrayList<>();
        try (WimFile wim = WimFile.open(wimFile)) {
            ImageTree tree = new ImageTree(wim.openImage(index));
            listed(tree.find(CBS_PACKAGES), ".mum", "CBS", packages);
            listed(tree.find(RECORDS), ".xml", "FENESTRA", packages);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, wimFile + ": cannot list its packages: " + e.getMessage(), e);
        }
        return packages;
    }

    private static void listed(WimEntry folder, String suffix, String kind, List<ImagePackage> into) {
        if (folder == null || !folder.isDirectory()) {
            return;
        }
        for (WimEntry entry : folder.children()) {
            String name = entry.name();
            if (!entry.isDirectory() && name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) {
                into.add(new ImagePackage(name.substring(0, name.length() - suffix.length()), kind));
            }
        }
    }

    /**
     * Drops the records of Fenestra packages a higher version superseded ({@link SupersededRecords}),
     * in one engine update (all or nothing); optimize's export then drops the data nothing references.
     */
    @Override
    public synchronized boolean cleanupComponents(WimProgress progress) throws ServicingException {
        checkOpen();
        try {
            List<UpdateCommand> deletes = new SupersededRecords(wimFile, index, RECORDS).deletes();
            if (!deletes.isEmpty()) {
                WimProgress.checkCanceled(progress);
                WimUpdater.update(wimFile, index, deletes, ModifyOptions.defaults(), progress);
            }
            return true;
        } catch (WimCancelledException e) {
            throw new ServicingException(Reason.CANCELLED, "component cleanup cancelled; the image is as it was", e);
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, "component cleanup of " + wimFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void commit(WimProgress progress) throws ServicingException {
        checkOpen();
        open = false; // each package was written when added; the file is complete as it is
    }

    @Override
    public synchronized void discard() throws ServicingException {
        checkOpen();
        open = false;
        rollback.restore();
    }

    @Override
    public synchronized void close() throws ServicingException {
        if (open) {
            discard();
        }
    }

    private void checkOpen() throws ServicingException {
        if (!open) {
            throw new ServicingException(Reason.CLOSED, "the servicing session of " + wimFile + " is finished");
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // scratch files only; the work folder is removed with the run
        }
    }
}
