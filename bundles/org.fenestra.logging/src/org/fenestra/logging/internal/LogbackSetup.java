package org.fenestra.logging.internal;

import java.lang.System.Logger;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.logging.LogConcern;
import org.fenestra.logging.LogSettings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * Configures Logback in code (no XML, so nothing else on the class path can take over): one
 * rolling file per {@link LogConcern}, the concerns' loggers writing only to their own file, a
 * console appender on standard error only when the settings ask for it, and Logback's levels
 * mirrored onto {@code java.util.logging} so that JUL (and System.Logger, which the JDK routes
 * to JUL) drops disabled events before they are bridged.
 */
final class LogbackSetup {

    /** One event per line with an ISO date and the full logger name (the log view parses it). */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";
    /** Short lines for a person watching a command. */
    static final String CONSOLE_PATTERN = "%-5level %logger - %msg%n";
    /** Fenestra's own loggers take the level of the settings; every other library's stay at INFO. */
    static final String OWN_LOGGERS = "org.fenestra";

    private LogbackSetup() {
    }

    /**
     * Replaces {@code context}'s configuration by the one {@code settings} describe, with files
     * rolled over at {@code maxFileBytes}, whose size is looked at no more often than every
     * {@code sizeCheckMillis} (a file's size is a system call: not one per event).
     *
     * @return what went wrong (e.g. a log folder that cannot be created), one message each; empty when all is well
     */
    static List<String> apply(LoggerContext context, LogSettings settings, long maxFileBytes, long sizeCheckMillis) {
        long started = System.currentTimeMillis();
        context.reset();
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        Appender<ILoggingEvent> console = settings.console() ? consoleAppender(context) : null;
        for (LogConcern concern : LogConcern.values()) {
            Appender<ILoggingEvent> file = fileAppender(context, settings.file(concern), maxFileBytes, sizeCheckMillis);
            List<String> loggerNames = concern == LogConcern.GENERAL
                    ? List.of(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    : concern.loggerPrefixes();
            for (String name : loggerNames) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                logger.addAppender(file);
                if (console != null) {
                    logger.addAppender(console);
                }
                // each event lands in its concern's file only, not in fenestra.log as well
                logger.setAdditive(concern == LogConcern.GENERAL);
            }
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger(OWN_LOGGERS).setLevel(level(settings.level()));
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() == Status.ERROR && status.getTimestamp() >= started)
                .map(LogbackSetup::describe)
                .toList();
    }

    static Level level(Logger.Level level) {
        return switch (level) {
            case ALL -> Level.ALL;
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR -> Level.ERROR;
            case OFF -> Level.OFF;
        };
    }

    private static Appender<ILoggingEvent> fileAppender(LoggerContext context, Path file, long maxFileBytes,
            long sizeCheckMillis) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(file.getFileName().toString());
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder(context, FILE_PATTERN));

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(LogSettings.KEPT_ROLLED_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(maxFileBytes));
        trigger.setCheckIncrement(Duration.buildByMilliseconds(sizeCheckMillis));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> consoleAppender(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, CONSOLE_PATTERN));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static String describe(Status status) {
        Throwable cause = status.getThrowable();
        return cause == null || cause.getMessage() == null
                ? status.getMessage()
                : status.getMessage() + ": " + cause.getMessage();
    }
}
