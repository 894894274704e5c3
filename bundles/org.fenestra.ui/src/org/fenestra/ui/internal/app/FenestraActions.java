package org.fenestra.ui.internal.app;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPluginContribution;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.fenestra.ui.internal.Messages;

/** What the main window's menus do, beyond the platform's own actions. */
public final class FenestraActions {

    private FenestraActions() {
    }

    /**
     * The preference dialog with the pages contributed to {@code org.eclipse.ui.preferencePages}
     * by Fenestra and its partners; the platform's own pages (General, Team...) configure an IDE,
     * not an image manager, and are left out.
     */
    public static void openPreferences(IWorkbenchWindow window) {
        PreferenceManager ours = new PreferenceManager();
        for (IPreferenceNode node : PlatformUI.getWorkbench().getPreferenceManager().getRootSubNodes()) {
            boolean platforms = node.getId().startsWith("org.eclipse.")
                    || node instanceof IPluginContribution contribution && contribution.getPluginId().startsWith("org.eclipse.");
            if (!platforms) {
                ours.addToRoot(node);
            }
        }
        PreferenceDialog dialog = new PreferenceDialog(window.getShell(), ours) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                shell.setText(Messages.Preferences_title);
            }
        };
        dialog.setSelectedNode(SitePreferencePage.ID);
        dialog.open();
    }
}
