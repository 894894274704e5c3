package org.fenestra.servicing.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.fenestra.servicing.api.ImagePackage;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ImageServicer} must do, run against each (portable, DISM) by a subclass that
 * supplies the servicer and packages of its kinds. The image is {@link TestImages#windowsImage}, made
 * with wimlib-imagex; results are checked with wimlib-imagex and by SHA-256 of the WIM file. The
 * tests are final: a servicer passes the contract as it is.
 */
public abstract class ImageServicerContract {

    @TempDir
    protected Path folder;

    protected Path wim;
    private Path work;

    /** The servicer under test. */
    protected abstract ImageServicer servicer() throws Exception;

    /** A package this servicer applies to the test image; {@code name} makes distinct ones. */
    protected abstract ServicingPackage applicablePackage(Path folder, String name) throws Exception;

    /** The identity {@link #applicablePackage} with {@code name} has once applied, as {@link ServicingSession#packages()} lists it. */
    protected abstract String identityOf(String name);

    /** A package of a type this servicer does not apply (it must report it NOT_SUPPORTED, changing nothing). */
    protected abstract ServicingPackage unsupportedPackage(Path folder) throws Exception;

    /** A package of a type this servicer applies, but damaged (it must fail with BAD_PACKAGE). */
    protected abstract ServicingPackage damagedPackage(Path folder) throws Exception;

    @BeforeEach
    final void makeImage() throws Exception {
        wim = TestImages.windowsImage(folder.resolve("tree"), folder.resolve("image/install.wim"));
        work = Files.createDirectories(folder.resolve("work"));
    }

    @Test
    final void addedPackageIsCommittedAndListed() throws Exception {
        ServicingPackage pkg = applicablePackage(folder.resolve("packages"), "one");
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            PackageOutcome outcome = session.addPackage(pkg, WimProgress.NONE);
            assertEquals(PackageOutcome.Result.APPLIED, outcome.result(), outcome.detail());
            assertEquals(identityOf("one"), outcome.identity());
            assertTrue(listed(session, identityOf("one")), "listed in the session after adding");
            session.commit(WimProgress.NONE);
        }
        WimTool.verify(wim);
        try (ServicingSession reopened = servicer().open(wim, 1, work, WimProgress.NONE)) {
            assertTrue(listed(reopened, identityOf("one")), "listed after commit and reopen");
            assertTrue(listed(reopened, TestImages.INSTALLED_MUM), "the image's own CBS package is listed");
        }
    }

    @Test
    final void discardLeavesTheWimByteIdentical() throws Exception {
        byte[] before = sha256(wim);
        ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE);
        session.addPackage(applicablePackage(folder.resolve("packages"), "one"), WimProgress.NONE);
        session.addPackage(applicablePackage(folder.resolve("packages"), "two"), WimProgress.NONE);
        session.discard();
        assertArrayEquals(before, sha256(wim));
        WimTool.verify(wim);
    }

    @Test
    final void closeWithoutCommitDiscards() throws Exception {
        byte[] before = sha256(wim);
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            session.addPackage(applicablePackage(folder.resolve("packages"), "one"), WimProgress.NONE);
        }
        assertArrayEquals(before, sha256(wim));
    }

    @Test
    final void unsupportedTypeIsReportedNotAppliedAndChangesNothing() throws Exception {
        java.util.List<String> before = WimTool.dir(wim, 1);
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            PackageOutcome outcome = session.addPackage(unsupportedPackage(folder.resolve("packages")), WimProgress.NONE);
            assertEquals(PackageOutcome.Result.NOT_SUPPORTED, outcome.result());
            assertFalse(outcome.detail().isBlank(), "a reason is given");
            assertFalse(servicer().supports(unsupportedPackage(folder.resolve("again")).type()).supported());
            session.commit(WimProgress.NONE);
        }
        WimTool.verify(wim);
        assertEquals(before, WimTool.dir(wim, 1));
    }

    @Test
    final void damagedPackageFailsTypedAndTheSessionGoesOn() throws Exception {
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            ServicingException failure = assertThrows(ServicingException.class,
                    () -> session.addPackage(damagedPackage(folder.resolve("packages")), WimProgress.NONE));
            assertEquals(Reason.BAD_PACKAGE, failure.reason(), failure.getMessage());
            assertEquals(PackageOutcome.Result.APPLIED,
                    session.addPackage(applicablePackage(folder.resolve("packages"), "one"), WimProgress.NONE).result());
            session.commit(WimProgress.NONE);
        }
        WimTool.verify(wim);
    }

    @Test
    final void cancelledAddChangesNothing() throws Exception {
        byte[] before = sha256(wim);
        WimProgress cancelled = new WimProgress() {
            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            ServicingException failure = assertThrows(ServicingException.class,
                    () -> session.addPackage(applicablePackage(folder.resolve("packages"), "one"), cancelled));
            assertEquals(Reason.CANCELLED, failure.reason());
            assertFalse(listed(session, identityOf("one")));
        }
        assertArrayEquals(before, sha256(wim));
    }

    @Test
    final void badImagesAreRefusedTyped() throws Exception {
        Path notAWim = Files.writeString(folder.resolve("notes.wim"), "not a WIM at all");
        assertEquals(Reason.BAD_IMAGE, assertThrows(ServicingException.class,
                () -> servicer().open(notAWim, 1, work, WimProgress.NONE)).reason());
        assertEquals(Reason.BAD_IMAGE, assertThrows(ServicingException.class,
                () -> servicer().open(wim, 2, work, WimProgress.NONE)).reason());
        assertEquals(Reason.BAD_IMAGE, assertThrows(ServicingException.class,
                () -> servicer().open(folder.resolve("missing.wim"), 1, work, WimProgress.NONE)).reason());
    }

    @Test
    final void aFinishedSessionRefusesMoreWork() throws Exception {
        ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE);
        session.commit(WimProgress.NONE);
        ServicingPackage pkg = applicablePackage(folder.resolve("packages"), "one");
        assertEquals(Reason.CLOSED, assertThrows(ServicingException.class,
                () -> session.addPackage(pkg, WimProgress.NONE)).reason());
        session.close();
        WimTool.verify(wim);
    }

    @Test
    final void componentCleanupKeepsTheImageValid() throws Exception {
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE)) {
            session.addPackage(applicablePackage(folder.resolve("packages"), "one"), WimProgress.NONE);
            session.cleanupComponents(WimProgress.NONE);
            assertTrue(listed(session, identityOf("one")));
            session.commit(WimProgress.NONE);
        }
        WimTool.verify(wim);
    }

    private static boolean listed(ServicingSession session, String identity) throws ServicingException {
        return session.packages().stream().map(ImagePackage::identity).anyMatch(identity::equalsIgnoreCase);
    }

    protected static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
