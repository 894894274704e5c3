package org.fenestra.dism.internal;

import static org.fenestra.dism.internal.binding.DismConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.fenestra.dism.DismCancelledException;
import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismPackageNotApplicableException;
import org.fenestra.dism.DismServicingStackRequiredException;
import org.fenestra.dism.MountMode;
import org.fenestra.dism.UnmountMode;

/** HRESULTs the stand-in returns become typed exceptions with DISM's last error and a hint, or successes. */
class ErrorMappingTest extends StandinTest {

    private static final String CAB = "C:\\Updates\\windows11.0-kb5031356-x64.cab";

    @Test
    void notApplicableIsTypedAndCarriesDismsMessageAndAHint() throws Exception {
        Standin.program("DismAddPackage", CBS_E_NOT_APPLICABLE, "Das Paket gilt nicht für dieses Abbild – 0x800f081e");
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            DismPackageNotApplicableException e = assertThrows(DismPackageNotApplicableException.class,
                    () -> session.addPackage(CAB, false, false, null));
            assertEquals("DismAddPackage", e.function());
            assertEquals(CBS_E_NOT_APPLICABLE, e.hresult());
            assertEquals("Das Paket gilt nicht für dieses Abbild – 0x800f081e", e.dismMessage());
            assertTrue(e.hint().startsWith("The package does not apply to this image"), e.hint());
            assertEquals("DismAddPackage failed (0x800F081E): Das Paket gilt nicht für dieses Abbild – 0x800f081e. "
                    + e.hint(), e.getMessage());
            // nothing was added
            assertEquals(2, session.packages().size());
        }
    }

    @Test
    void newServicingStackRequiredIsTyped() throws Exception {
        Standin.program("DismAddPackage", CBS_E_NEW_SERVICING_STACK_REQUIRED, "A newer servicing stack is required.");
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            DismServicingStackRequiredException e = assertThrows(DismServicingStackRequiredException.class,
                    () -> session.addPackage(CAB, false, false, null));
            assertEquals("A newer servicing stack is required.", e.dismMessage());
            assertTrue(e.hint().contains("servicing stack update (SSU)"), e.hint());
        }
    }

    @Test
    void dismapiErrorsGetTheirHintsAndUnknownOnesKeepDismsMessage() throws Exception {
        Standin.program("DismMountImage", DISMAPI_E_OPEN_HANDLES_UNABLE_TO_MOUNT_IMAGE_PATH, null);
        Standin.program("DismUnmountImage", 0x8007_1234, "Something DISM alone knows about.");
        Standin.program("DismGetImageInfo", DISMAPI_E_INVALID_IMAGE_INDEX, null);
        try (DismHost host = Standin.start()) {
            DismException mount = assertThrows(DismException.class,
                    () -> host.mountImage("C:\\a.wim", 1, "C:\\Mount\\a", MountMode.READ_WRITE, null));
            assertEquals(DismException.class, mount.getClass());
            assertEquals("The stand-in was told to fail.", mount.dismMessage());
            assertTrue(mount.hint().startsWith("Files in the mount folder are open"), mount.hint());

            DismException unknown = assertThrows(DismException.class,
                    () -> host.unmountImage("C:\\Mount\\a", UnmountMode.DISCARD, null));
            assertNull(unknown.hint());
            assertEquals("DismUnmountImage failed (0x80071234): Something DISM alone knows about.", unknown.getMessage());

            DismException index = assertThrows(DismException.class, () -> host.imageInfo("C:\\a.wim"));
            assertEquals("The WIM has no image with this index", index.hint());
        }
    }

    @Test
    void theStandinsOwnFailuresAreMappedToo() throws Exception {
        try (DismHost host = Standin.start()) {
            DismException e = assertThrows(DismException.class,
                    () -> host.unmountImage("C:\\Mount\\nothing", UnmountMode.COMMIT, null));
            assertEquals(DISMAPI_E_UNABLE_TO_UNMOUNT_IMAGE_PATH, e.hresult());
            assertEquals("No image is mounted at this path.", e.dismMessage());
            assertEquals("No image DISM mounted is at this path", e.hint());
        }
    }

    @Test
    void anUnknownPackageFailsWithDismsMessage() throws Exception {
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            DismException e = assertThrows(DismException.class, () -> session.packageInfo("Package_for_nothing"));
            assertEquals(0x80070490, e.hresult());
            assertEquals("The package is not in the image.", e.dismMessage());
            assertEquals("DismGetPackageInfo", e.function());
        }
    }

    @Test
    void rebootRequiredIsSuccessInBothSpellings() throws Exception {
        Standin.program("DismAddPackage", ERROR_SUCCESS_REBOOT_REQUIRED, null);
        Standin.program("DismCommitImage", HRESULT_SUCCESS_REBOOT_REQUIRED, null);
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            assertEquals(DismCompletion.RESTART_REQUIRED, session.addPackage(CAB, false, false, null));
            assertEquals(3, session.packages().size(), "the package was added");
            assertEquals(DismCompletion.RESTART_REQUIRED, session.commit(null));
            assertEquals(DismCompletion.COMPLETED, session.commit(null));
        }
    }

    @Test
    void aFailedInitialisationLeavesNothingRunningAndALaterStartWorks() throws Exception {
        Standin.program("DismInitialize", HRESULT_ELEVATION_REQUIRED, "The requested operation requires elevation.");
        DismException e = assertThrows(DismException.class, Standin::start);
        assertEquals("DismInitialize", e.function());
        assertTrue(e.hint().contains("administrator rights"), e.hint());
        try (DismHost host = Standin.start()) {
            host.cleanupMountpoints();
        }
        assertEquals(2, Standin.CONTROL.Standin_InitializeCalls());
        assertEquals(1, Standin.CONTROL.Standin_ShutdownCalls());
    }

    @Test
    void cancellationCodesAreCancelledExceptions() throws Exception {
        Standin.program("DismCommitImage", HRESULT_CANCELLED, null);
        Standin.program("_DismCleanImage", HRESULT_REQUEST_ABORTED, null);
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            assertThrows(DismCancelledException.class, () -> session.commit(null));
            assertThrows(DismCancelledException.class, () -> session.cleanupComponents(false, null));
        }
    }

    @Test
    void successAndFailureOfEveryKnownCode() {
        for (int success : List.of(S_OK, DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED, ERROR_SUCCESS_REBOOT_REQUIRED,
                HRESULT_SUCCESS_REBOOT_REQUIRED)) {
            assertTrue(DismErrors.succeeded(success), DismException.hex(success));
        }
        for (int failure : List.of(CBS_E_NOT_APPLICABLE, CBS_E_NEW_SERVICING_STACK_REQUIRED, DISMAPI_E_BUSY,
                DISMAPI_E_NEEDS_REMOUNT, DISMAPI_E_DISMAPI_NOT_INITIALIZED, E_ACCESSDENIED, HRESULT_CANCELLED)) {
            assertFalse(DismErrors.succeeded(failure), DismException.hex(failure));
            assertTrue(DismErrors.hint(failure) != null, DismException.hex(failure));
        }
        assertEquals(DismCompletion.COMPLETED, DismErrors.completion(DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED));
        assertEquals(DismCancelledException.class,
                DismErrors.failure("DismAddPackage", DISMAPI_E_BUSY, null, true).getClass());
        assertEquals(DismException.class, DismErrors.failure("DismAddPackage", DISMAPI_E_BUSY, null, false).getClass());
    }
}
