package org.fenestra.content.internal;

import java.io.IOException;

import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.smb.SmbConfiguration;
import org.osgi.framework.BundleContext;

/** The SMB credentials, read on every use so a changed {@code smb.properties} applies without a restart. */
final class SmbSettings {

    private SmbSettings() {
    }

    static SmbConfiguration load(BundleContext context) throws ImportException {
        try {
            return context == null ? SmbConfiguration.load() : SmbConfiguration.load(context::getProperty);
        } catch (IOException e) {
            throw new ImportException(Reason.INVALID_ARGUMENT, "cannot read smb.properties: " + e.getMessage(), e);
        }
    }
}
