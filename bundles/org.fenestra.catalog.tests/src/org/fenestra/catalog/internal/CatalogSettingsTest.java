package org.fenestra.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.fenestra.catalog.api.CatalogException;
import org.junit.jupiter.api.Test;

class CatalogSettingsTest {

    @Test
    void withoutSettingsTheCatalogIsAnH2FileInTheUsersFenestraFolder() {
        CatalogSettings settings = CatalogSettings.from(Map.<String, String>of()::get);

        Path expected = Path.of(System.getProperty("user.home"), ".fenestra", "catalog", "fenestra").toAbsolutePath();
        assertEquals("jdbc:h2:file:" + expected + ";AUTO_SERVER=TRUE", settings.url(),
                "auto-server mode lets a workbench and a console on this machine share the file");
        assertEquals("fenestra", settings.user());
        assertEquals("", settings.password());
    }

    @Test
    void theDataFolderMovesTheDefaultDatabase() {
        CatalogSettings settings = CatalogSettings.from(Map.of(CatalogSettings.DATA, "/srv/fenestra")::get);

        assertEquals("jdbc:h2:file:/srv/fenestra/catalog/fenestra;AUTO_SERVER=TRUE", settings.url());
    }

    @Test
    void aConfiguredUrlUserAndPasswordAreUsedAsGiven() {
        CatalogSettings settings = CatalogSettings.from(Map.of(
                CatalogSettings.URL, "jdbc:postgresql://db.contoso.com/fenestra",
                CatalogSettings.USER, "site",
                CatalogSettings.PASSWORD, "s3cret",
                CatalogSettings.DATA, "/ignored")::get);

        assertEquals(new CatalogSettings("jdbc:postgresql://db.contoso.com/fenestra", "site", "s3cret"), settings);
    }

    @Test
    void thePasswordNeverShowsInMessages() {
        CatalogSettings settings = new CatalogSettings("jdbc:postgresql://db/fenestra", "site", "s3cret");

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("jdbc:postgresql://db/fenestra"), settings.toString());
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() throws CatalogException {
        assertEquals(SqlDialect.H2, SqlDialect.forUrl("jdbc:h2:file:/tmp/x"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.forUrl("jdbc:postgresql://localhost/x"));
        CatalogException refused = assertThrows(CatalogException.class, () -> SqlDialect.forUrl("jdbc:mysql://db/x"));
        assertTrue(refused.getMessage().contains("jdbc:h2: and jdbc:postgresql:"), refused.getMessage());
    }

    @Test
    void changesOfOtherProcessesArePolledEveryTwoSecondsUnlessConfigured() {
        assertEquals(Duration.ofSeconds(2), CatalogSettings.from(Map.<String, String>of()::get).changePoll());
        assertEquals(Duration.ofMillis(250),
                CatalogSettings.from(Map.of(CatalogSettings.CHANGE_POLL_MILLIS, "250")::get).changePoll());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> CatalogSettings.from(Map.of(CatalogSettings.CHANGE_POLL_MILLIS, "soon")::get));
        assertTrue(notANumber.getMessage().contains("fenestra.catalog.changePollMillis"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CatalogSettings.from(Map.of(CatalogSettings.CHANGE_POLL_MILLIS, "0")::get));
    }
}
