package org.fenestra.logging;

import java.util.List;

/**
 * The concerns that keep a log file of their own in the log folder ({@link LogSettings#folder()},
 * {@code <fenestra.data>/logs}), and the logger names whose events each file holds: a logger
 * belongs to the concern one of whose prefixes is its name or a dotted parent of it, and to
 * {@link #GENERAL} ({@code fenestra.log}) otherwise. Code logs through {@link System.Logger}
 * (or {@code java.util.logging}, or SLF4J in libraries) with the class name as the logger name,
 * so a class's package decides its file; new servicing code logs under {@code org.fenestra.servicing}.
 * <p>
 * Every file holds one event per line, {@code 2026-12-05T14:45:34.123+01:00 WARN  [thread] logger - message},
 * with a stack trace's lines after it. When a file reaches {@link LogSettings#MAX_FILE_BYTES} it is
 * renamed {@code NAME.log.1} (older ones shift up to {@code NAME.log.}{@value LogSettings#KEPT_ROLLED_FILES},
 * the oldest is dropped), so {@code *.log} in the folder are the current files.
 *
 * @since 0.1
 */
public enum LogConcern {
    /** The site catalog and its database drivers. */
    CATALOG("catalog", "org.fenestra.catalog", "org.postgresql", "org.h2"),
    /** Importing images (Add OS Image) and content sources. */
    IMPORT("import", "org.fenestra.content"),
    /** UNC shares over SMB2/3, with the smbj library's own loggers. */
    SMB("smb", "org.fenestra.smb", "com.hierynomus", "net.engio.mbassy"),
    /** Offline servicing: the servicing log. */
    SERVICING("servicing", "org.fenestra.servicing"),
    /** Everything else: the workbench, the console, the WIM engine, the OSGi runtime. */
    GENERAL("fenestra");

    private final String baseName;
    private final List<String> loggerPrefixes;

    LogConcern(String baseName, String... loggerPrefixes) {
        this.baseName = baseName;
        this.loggerPrefixes = List.of(loggerPrefixes);
    }

    /** The file's name in the log folder, e.g. {@code catalog.log}. */
    public String fileName() {
        return baseName + ".log";
    }

    /** The logger names (with their dotted children) that write to this file; empty for {@link #GENERAL}. */
    public List<String> loggerPrefixes() {
        return loggerPrefixes;
    }

    /** The concern whose file an event of the logger {@code loggerName} is written to. */
    public static LogConcern of(String loggerName) {
        for (LogConcern concern : values()) {
            for (String prefix : concern.loggerPrefixes) {
                if (loggerName.equals(prefix) || loggerName.startsWith(prefix + ".")) {
                    return concern;
                }
            }
        }
        return GENERAL;
    }
}
