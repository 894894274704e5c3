package org.fenestra.sample.partner;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The asset owner the partner records, kept in this plugin's preferences (the workbench's data folder). */
final class InventoryOwner {

    private static final String BUNDLE = "org.fenestra.sample.partner";
    private static final String KEY = "assetOwner";

    private InventoryOwner() {
    }

    static String get() {
        return preferences().get(KEY, System.getProperty("user.name", ""));
    }

    static void set(String owner) {
        IEclipsePreferences preferences = preferences();
        preferences.put(KEY, owner);
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            System.getLogger(InventoryOwner.class.getName()).log(System.Logger.Level.WARNING,
                    "asset owner not saved: " + e.getMessage());
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(BUNDLE);
    }
}
