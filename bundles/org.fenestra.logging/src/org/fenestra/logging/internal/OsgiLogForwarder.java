package org.fenestra.logging.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the OSGi log (the framework's, Felix SCR's and the Eclipse platform's: {@code ILog},
 * the workbench's errors) to the same files as everything else, under the logging bundle's
 * symbolic name, so that e.g. {@code org.fenestra.catalog}'s entries land in catalog.log and a
 * workbench error in fenestra.log.
 */
final class OsgiLogForwarder implements LogListener {

    @Override
    public void logged(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String name = bundle != null && bundle.getSymbolicName() != null ? bundle.getSymbolicName() : entry.getLoggerName();
        Logger logger = LoggerFactory.getLogger(name == null ? "osgi" : name);
        Throwable exception = entry.getException();
        String message = entry.getMessage();
        switch (entry.getLogLevel()) {
            case AUDIT, INFO -> logger.info(message, exception);
            case ERROR -> logger.error(message, exception);
            case WARN -> logger.warn(message, exception);
            case DEBUG -> logger.debug(message, exception);
            case TRACE -> logger.trace(message, exception);
        }
    }
}
