package org.fenestra.ui.internal.app;

import java.nio.file.Path;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

final class FenestraWindowAdvisor extends WorkbenchWindowAdvisor {

    /** Save a PNG of the window here once it is open (used by the smoke run of the product). */
    static final String SCREENSHOT_PROPERTY = "fenestra.screenshot";
    /** Close the workbench this many milliseconds after the window opened. */
    static final String AUTOCLOSE_PROPERTY = "fenestra.autoclose";

    FenestraWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new FenestraActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setTitle(org.fenestra.ui.internal.Messages.Fenestra);
        configurer.setInitialSize(initialSize(Display.getCurrent()));
        configurer.setShowCoolBar(false);
        configurer.setShowPerspectiveBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
    }

    /** Most of the primary monitor (the whole of a small one), so the columns and details fit. */
    static Point initialSize(Display display) {
        org.eclipse.swt.graphics.Rectangle screen = display.getPrimaryMonitor().getClientArea();
        if (screen.width <= 1366 || screen.height <= 800) {
            return new Point(screen.width, screen.height);
        }
        return new Point(Math.max(1280, screen.width * 9 / 10), Math.max(800, screen.height * 9 / 10));
    }

    @Override
    public void postWindowCreate() {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        org.eclipse.swt.graphics.Rectangle screen = shell.getDisplay().getPrimaryMonitor().getClientArea();
        org.eclipse.swt.graphics.Point size = shell.getSize();
        shell.setLocation(screen.x + Math.max(0, (screen.width - size.x) / 2),
                screen.y + Math.max(0, (screen.height - size.y) / 2));
    }

    @Override
    public void postWindowOpen() {
        Shell shell = getWindowConfigurer().getWindow().getShell();
        Display display = shell.getDisplay();
        String screenshot = System.getProperty(SCREENSHOT_PROPERTY);
        long autoclose = Long.getLong(AUTOCLOSE_PROPERTY, -1);
        if (screenshot != null) {
            display.timerExec(1500, () -> {
                if (!shell.isDisposed()) {
                    Screenshots.save(shell, Path.of(screenshot));
                }
            });
        }
        if (autoclose >= 0) {
            display.timerExec((int) Math.max(autoclose, 2000), () -> PlatformUI.getWorkbench().close());
        }
    }
}
