package org.fenestra.ui.internal.app;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.fenestra.ui.internal.Icons;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.views.LogsView;

/** Menus of the main window: File › Exit, Window › Preferences and Reset, Help › Logs and About. */
final class FenestraActionBarAdvisor extends ActionBarAdvisor {

    static final String PREFERENCES_ACTION_ID = "org.fenestra.ui.action.preferences";
    static final String ABOUT_ACTION_ID = "org.fenestra.ui.action.about";
    static final String LOGS_ACTION_ID = "org.fenestra.ui.action.logs";

    private IWorkbenchAction exit;
    private IWorkbenchAction resetPerspective;
    private Action preferences;
    private Action about;
    private Action logs;

    FenestraActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        exit = ActionFactory.QUIT.create(window);
        resetPerspective = ActionFactory.RESET_PERSPECTIVE.create(window);
        register(exit);
        register(resetPerspective);
        preferences = action(PREFERENCES_ACTION_ID, Messages.Menu_preferences, Icons.PREFERENCES,
                () -> FenestraActions.openPreferences(window));
        about = action(ABOUT_ACTION_ID, Messages.Menu_about, Icons.ABOUT,
                () -> new AboutFenestraDialog(window.getShell()).open());
        logs = action(LOGS_ACTION_ID, Messages.Menu_logs, Icons.LOGS, () -> {
            try {
                window.getActivePage().showView(LogsView.ID);
            } catch (PartInitException e) {
                System.getLogger(FenestraActionBarAdvisor.class.getName()).log(System.Logger.Level.ERROR,
                        "cannot show the Logs view", e);
            }
        });
    }

    private static Action action(String id, String text, Icons icon, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setId(id);
        action.setImageDescriptor(icon.descriptor());
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager(Messages.Menu_file, IWorkbenchActionConstants.M_FILE);
        file.add(exit);
        MenuManager window = new MenuManager(Messages.Menu_window, IWorkbenchActionConstants.M_WINDOW);
        window.add(preferences);
        window.add(new Separator());
        window.add(resetPerspective);
        MenuManager help = new MenuManager(Messages.Menu_help, IWorkbenchActionConstants.M_HELP);
        help.add(logs);
        help.add(new Separator());
        help.add(about);
        menuBar.add(file);
        menuBar.add(window);
        menuBar.add(help);
    }
}
