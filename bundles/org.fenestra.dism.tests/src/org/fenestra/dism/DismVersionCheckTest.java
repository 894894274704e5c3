package org.fenestra.dism;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The host-vs-image DISM version rule: refuse an older release, allow the same or newer, whatever the revision. */
class DismVersionCheckTest {

    private static final WindowsVersion WINDOWS_11_22H2_OCTOBER = WindowsVersion.parse("10.0.22621.2428");

    @Test
    void anOlderReleaseOfDismIsRefusedNamingBothVersions() {
        WindowsVersion windows10Dism = WindowsVersion.parse("10.0.19041.3636");
        DismVersionTooOldException e = assertThrows(DismVersionTooOldException.class,
                () -> DismVersionCheck.requireHostNotOlder(windows10Dism, WINDOWS_11_22H2_OCTOBER));
        assertEquals(windows10Dism, e.hostDism());
        assertEquals(WINDOWS_11_22H2_OCTOBER, e.image());
        assertTrue(e.getMessage().startsWith("The host's DISM 10.0.19041.3636 is older than the image's Windows "
                + "10.0.22621.2428"), e.getMessage());
        assertTrue(e.getMessage().contains("Windows ADK for 10.0.22621 or newer"), e.getMessage());
    }

    @Test
    void theSameReleaseAtAnyRevisionAndNewerReleasesAreAllowed() {
        assertDoesNotThrow(() -> DismVersionCheck.requireHostNotOlder(WindowsVersion.parse("10.0.22621.1"),
                WINDOWS_11_22H2_OCTOBER));
        assertDoesNotThrow(() -> DismVersionCheck.requireHostNotOlder(WindowsVersion.parse("10.0.26100.1"),
                WINDOWS_11_22H2_OCTOBER));
        assertDoesNotThrow(() -> DismVersionCheck.requireHostNotOlder(WindowsVersion.parse("10.0.22621.2428"),
                WINDOWS_11_22H2_OCTOBER));
    }

    @Test
    void majorAndMinorCountBeforeTheBuild() {
        // Windows 8.1 (6.3.9600) DISM is older than Windows 10 (10.0.10240) despite its larger build number.
        assertThrows(DismVersionTooOldException.class, () -> DismVersionCheck.requireHostNotOlder(
                WindowsVersion.parse("6.3.9600.17031"), WindowsVersion.parse("10.0.10240.16384")));
    }

    @Test
    void versionsParseAndReadBack() {
        assertEquals(new WindowsVersion(10, 0, 22621, 2428), WindowsVersion.parse(" 10.0.22621.2428 "));
        assertEquals(new WindowsVersion(6, 3, 0, 0), WindowsVersion.parse("6.3"));
        assertEquals("10.0.22621.0", WindowsVersion.parse("10.0.22621").toString());
        for (String bad : new String[] { "", "10", "10.x", "1.2.3.4.5", "10.-1.2", "99999999999.0" }) {
            assertThrows(IllegalArgumentException.class, () -> WindowsVersion.parse(bad), bad);
        }
    }
}
