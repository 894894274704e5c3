package org.fenestra.dism.internal;

import static org.fenestra.dism.internal.binding.DismConstants.DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;

/** DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED: the call succeeded, and the session is reopened before the next one. */
class SessionReloadTest extends StandinTest {

    @Test
    void reloadClosesAndReopensTheSessionOnTheSameImage() throws Exception {
        Standin.program("DismAddPackage", DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED, null);
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\ä")) {
            assertEquals(101, ((NativeImageSession) session).sessionId());
            assertEquals(DismCompletion.COMPLETED, session.addPackage("C:\\Updates\\kb1.cab", false, false, null));
            assertEquals(102, ((NativeImageSession) session).sessionId());
            assertEquals(3, session.packages().size(), "the package added before the reload is there");
        }
        assertEquals(List.of(
                "DismOpenSession image=C:\\Mount\\ä windowsDir=(null) systemDrive=(null) -> session=101",
                "DismAddPackage session=101 path=C:\\Updates\\kb1.cab ignoreCheck=0 preventPending=0 cancel=set progress=set userData=null",
                "DismCloseSession session=101",
                "DismOpenSession image=C:\\Mount\\ä windowsDir=(null) systemDrive=(null) -> session=102",
                "DismGetPackages session=102",
                "DismCloseSession session=102"),
                Standin.calls().subList(1, 7));
    }

    @Test
    void reloadAfterAQueryKeepsItsResult() throws Exception {
        Standin.program("DismGetPackages", DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED, null);
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\b")) {
            assertEquals(2, session.packages().size());
            assertEquals(102, ((NativeImageSession) session).sessionId());
            assertEquals(2, session.packages().size());
        }
    }
}
