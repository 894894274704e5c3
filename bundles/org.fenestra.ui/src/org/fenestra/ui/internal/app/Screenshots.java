package org.fenestra.ui.internal.app;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows as a PNG: for smoke runs of the product and for UI tests. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Runs the event loop for a while: GTK paints asynchronously, so one pass is not enough. */
    private static void settle(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Captures {@code shell}'s area of the screen into {@code target}; returns whether a file was
     * written. A shell reaching past the screen (a tall dialog centred on the workbench) is moved,
     * and if need be shrunk, onto it first, so the capture holds all of it, buttons included.
     */
    public static boolean save(Shell shell, Path target) {
        shell.forceActive();
        fitOnScreen(shell);
        return saveWithoutActivating(shell, target);
    }

    private static void fitOnScreen(Shell shell) {
        Rectangle screen = shell.getMonitor().getClientArea();
        Rectangle bounds = shell.getBounds();
        int width = Math.min(bounds.width, screen.width);
        int height = Math.min(bounds.height, screen.height);
        int x = Math.max(screen.x, Math.min(bounds.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(bounds.y, screen.y + screen.height - height));
        if (x != bounds.x || y != bounds.y || width != bounds.width || height != bounds.height) {
            shell.setBounds(x, y, width, height);
            shell.layout(true, true);
        }
    }

    /**
     * Captures {@code shell}'s area as it is on screen, including windows over it (an open
     * popup menu, which activating the shell would close).
     */
    public static boolean saveWithoutActivating(Shell shell, Path target) {
        settle(shell.getDisplay(), 400);
        // From the window's top left (frame and menu bar included) to its client area's bottom right: without a
        // window manager (Xvfb) getBounds() still adds the frame SWT estimates, a strip of whatever lies below.
        Rectangle outer = shell.getBounds();
        Rectangle client = shell.getDisplay().map(shell, null, shell.getClientArea());
        Rectangle bounds = new Rectangle(outer.x, outer.y, client.x + client.width - outer.x, client.y + client.height - outer.y);
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(target.toString(), SWT.IMAGE_PNG);
            return true;
        } catch (IOException | RuntimeException e) {
            System.getLogger(Screenshots.class.getName()).log(Level.WARNING, "screenshot " + target + " not saved", e);
            return false;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
