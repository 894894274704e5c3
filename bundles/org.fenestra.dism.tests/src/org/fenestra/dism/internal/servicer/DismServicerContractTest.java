package org.fenestra.dism.internal.servicer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fenestra.dism.internal.Standin;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.ImageServicerContract;
import org.fenestra.updates.api.PackageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The servicer contract, passed by the DISM servicer against the stand-in DismApi in files mode: the
 * WIMs are real (wimlib-imagex made them and checks the results), but the mounting and committing
 * under our calls is the stand-in's wimlib-imagex apply/capture, not DISM's. What this proves is our
 * side: that the servicer mounts, adds, lists, commits and discards through DismApi as the contract
 * requires, and maps DISM's failures and cancels to the contract's typed errors.
 */
class DismServicerContractTest extends ImageServicerContract {

    @BeforeEach
    void standInWithFiles() {
        Standin.reset();
        Standin.useFiles();
    }

    @AfterEach
    void everyBufferDeletedOnce() {
        Standin.assertNoLeaks();
    }

    @Override
    protected ImageServicer servicer() {
        return new DismImageServicer(new DismServicerSettings(Standin.FOLDER, null, Optional.empty()));
    }

    @Override
    protected ServicingPackage applicablePackage(Path folder, String name) throws Exception {
        return new ServicingPackage("UPD-" + name, CbsCabinets.cbs(folder, name + ".cab", "KB-" + name), PackageType.CBS);
    }

    /** The stand-in names a package after its file, as {@code Package_for_<file name>} (DISM reads update.mum). */
    @Override
    protected String identityOf(String name) {
        return "Package_for_" + name;
    }

    /** A Fenestra package: the portable servicer's, never DISM's. */
    @Override
    protected ServicingPackage unsupportedPackage(Path folder) throws Exception {
        Path file = new FenestraPackageFile("FPK-1", "Contoso-Agent", "1.0.0.0").add("Program Files/a.txt", new byte[] {1})
                .write(folder.resolve("agent.fpkg"));
        return new ServicingPackage("UPD-FPKG", file, PackageType.FENESTRA);
    }

    /** A ".cab" that is no cabinet: DISM (here the stand-in) answers CBS_E_INVALID_PACKAGE. */
    @Override
    protected ServicingPackage damagedPackage(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path file = Files.writeString(folder.resolve("Windows11.0-KB5031354-x64.cab"), "not a cabinet, cut short");
        return new ServicingPackage("UPD-DAMAGED", file, PackageType.CBS);
    }
}
