package org.fenestra.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.fenestra.logging.LogConcern;
import org.fenestra.logging.LogSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real stack as the products run it (SPI Fly binding SLF4J to Logback, the JUL bridge): events
 * from System.Logger, java.util.logging and SLF4J land in their concern's file under the data
 * folder, and nothing reaches standard error unless the settings ask for the console.
 */
class LoggingSetupTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    /** The console appender and anything JUL's own console handler printed would write here. */
    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** Back to the configuration the bundle's activator made for the test runtime. */
    @AfterEach
    void restore() throws IOException {
        System.setErr(originalErr);
        LoggingSetup.start(LogSettings.load(System::getProperty));
    }

    @Test
    void aCatalogLoggerWritesToCatalogLogOnlyAndNothingReachesStandardError() throws IOException {
        LogSettings settings = LogSettings.load(properties(null, null));
        assertEquals(List.of(), LoggingSetup.start(settings));
        String marker = unique("catalog");

        System.getLogger("org.fenestra.catalog.internal.JdbcImageCatalog").log(Level.INFO, "OS image catalog open on {0}", marker);

        assertTrue(read(settings, LogConcern.CATALOG).contains("org.fenestra.catalog.internal.JdbcImageCatalog - OS image catalog open on " + marker),
                read(settings, LogConcern.CATALOG));
        assertFalse(read(settings, LogConcern.GENERAL).contains(marker), "an event lands in one file only");
        assertEquals("", stderr.toString(StandardCharsets.UTF_8), "no log line on standard error by default");
        assertTrue(java.util.Arrays.stream(java.util.logging.Logger.getLogger("").getHandlers())
                .noneMatch(java.util.logging.ConsoleHandler.class::isInstance), "JUL's console handler is gone");
    }

    @Test
    void javaUtilLoggingSystemLoggerAndSlf4jEventsReachTheirConcernsFiles() throws IOException {
        LogSettings settings = LogSettings.load(properties(null, null));
        LoggingSetup.start(settings);
        String imported = unique("import"), smb = unique("smb"), servicing = unique("servicing"), other = unique("other");

        java.util.logging.Logger.getLogger("org.fenestra.content.internal.WimImageImporter").warning(imported);
        LoggerFactory.getLogger("com.hierynomus.smbj.SMBClient").info(smb);
        System.getLogger("org.fenestra.servicing.internal.Pipeline").log(Level.ERROR, servicing, new IOException("disk full"));
        System.getLogger("org.fenestra.console.internal.HeadlessConsole").log(Level.WARNING, other);

        assertTrue(read(settings, LogConcern.IMPORT).contains("WARN  [main] org.fenestra.content.internal.WimImageImporter - " + imported));
        assertTrue(read(settings, LogConcern.SMB).contains("com.hierynomus.smbj.SMBClient - " + smb));
        String servicingLog = read(settings, LogConcern.SERVICING);
        assertTrue(servicingLog.contains(servicing) && servicingLog.contains("java.io.IOException: disk full"), servicingLog);
        assertTrue(read(settings, LogConcern.GENERAL).contains(other));
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theConsoleSettingShowsLogLinesOnStandardError() throws IOException {
        LogSettings settings = LogSettings.load(properties("true", null));
        LoggingSetup.start(settings);
        String marker = unique("shown");

        System.getLogger("org.fenestra.catalog.internal.SchemaMigrator").log(Level.INFO, marker);

        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains(marker), stderr.toString(StandardCharsets.UTF_8));
        assertTrue(read(settings, LogConcern.CATALOG).contains(marker), "the file gets it too");
    }

    @Test
    void debugEventsAreWrittenOnlyWhenTheLevelSettingAsksForThem() throws IOException {
        LogSettings info = LogSettings.load(properties(null, null));
        LoggingSetup.start(info);
        String dropped = unique("dropped");
        System.getLogger("org.fenestra.smb.internal.SmbConnector").log(Level.DEBUG, dropped);
        assertFalse(read(info, LogConcern.SMB).contains(dropped));

        LogSettings debug = LogSettings.load(properties(null, "DEBUG"));
        LoggingSetup.start(debug);
        String kept = unique("kept");
        System.getLogger("org.fenestra.smb.internal.SmbConnector").log(Level.DEBUG, kept);
        LoggerFactory.getLogger("com.hierynomus.smbj.connection.Connection").debug(dropped);
        String smbLog = read(debug, LogConcern.SMB);
        assertTrue(smbLog.contains(kept), smbLog);
        assertFalse(smbLog.contains(dropped), "other libraries stay at INFO");
    }

    @Test
    void theSettingsFileInTheDataFolderIsReadAndPropertiesWinOverIt() throws IOException {
        Files.writeString(data.resolve(LogSettings.SETTINGS_FILE), "fenestra.log.console=true\nfenestra.log.level=warn\n");
        LogSettings fromFile = LogSettings.load(properties(null, null));
        assertEquals(new LogSettings(data.resolve("logs"), true, Level.WARNING), fromFile);
        assertEquals(new LogSettings(data.resolve("logs"), false, Level.WARNING), LogSettings.load(properties("false", null)));
    }

    @Test
    void aBadSettingIsRefusedWithTheKeyAndTheValue() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogSettings.load(properties(null, "LOUD")));
        assertTrue(e.getMessage().contains("fenestra.log.level") && e.getMessage().contains("LOUD"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogSettings.load(properties("maybe", null)));
        assertTrue(e.getMessage().contains("fenestra.log.console") && e.getMessage().contains("maybe"), e.getMessage());
    }

    @Test
    void aFullFileIsRolledOverAndAFewOlderOnesAreKept() throws IOException {
        LogSettings settings = LogSettings.load(properties(null, null));
        LoggingSetup.start(settings, 2048, 0);
        System.Logger logger = System.getLogger("org.fenestra.content.internal.ImageSource");
        String line = "x".repeat(1000);
        for (int i = 0; i < 60; i++) {
            logger.log(Level.INFO, line);
        }
        Path current = settings.file(LogConcern.IMPORT);
        assertTrue(Files.exists(current));
        assertTrue(Files.exists(Path.of(current + ".1")), "rolled over to import.log.1");
        assertTrue(Files.exists(Path.of(current + "." + LogSettings.KEPT_ROLLED_FILES)));
        assertFalse(Files.exists(Path.of(current + "." + (LogSettings.KEPT_ROLLED_FILES + 1))), "older ones are dropped");
        assertTrue(Files.size(current) < 8 * 2048, "the current file stays small");
    }

    @Test
    void aLogFolderThatCannotBeMadeIsReported() throws IOException {
        Path notAFolder = Files.writeString(data.resolve("occupied"), "a file where the data folder's logs would be");
        LogSettings settings = new LogSettings(notAFolder.resolve("logs"), false, Level.INFO);
        List<String> problems = LoggingSetup.start(settings);
        assertFalse(problems.isEmpty(), "the problem is told");
        assertTrue(String.join("\n", problems).contains(notAFolder.toString()), String.join("\n", problems));
    }

    private java.util.function.UnaryOperator<String> properties(String console, String level) {
        return key -> switch (key) {
            case LogSettings.DATA -> data.toString();
            case LogSettings.CONSOLE -> console;
            case LogSettings.LEVEL -> level;
            default -> null;
        };
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private static String read(LogSettings settings, LogConcern concern) throws IOException {
        Path file = settings.file(concern);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
