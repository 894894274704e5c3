package org.fenestra.ui.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.internal.app.Screenshots;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** What the workbench tests share: the window, the event loop, the real catalog, screenshots. */
public final class Ui {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Ui() {
    }

    public static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        processEvents();
        return window;
    }

    /** Runs the UI work pending now. */
    public static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }

    /** Runs the event loop until {@code condition} holds (background jobs hand their results over with asyncExec). */
    public static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.currentTimeMillis() + 20_000;
        Display display = Display.getCurrent();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s: " + what.get());
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Runs the event loop for {@code millis}. */
    public static void settle(long millis) {
        long end = System.currentTimeMillis() + millis;
        await(() -> System.currentTimeMillis() >= end, () -> "settle");
    }

    public static ImageCatalog catalog() throws InterruptedException {
        ServiceTracker<ImageCatalog, ImageCatalog> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(Ui.class).getBundleContext(), ImageCatalog.class, null);
        tracker.open();
        ImageCatalog catalog = tracker.waitForService(30_000);
        assertNotNull(catalog, "no ImageCatalog service");
        return catalog;
    }

    /** Adds an image record (its files need not exist for the views). */
    public static OsImageRecord addImage(String name, String osVersion, long sizeBytes) throws Exception {
        return catalog().add(new NewOsImage(name, "2026-11", "", "/share/" + name + ".wim", "/library/" + name + ".wim",
                1, osVersion, "Enterprise", Architecture.X64, "en-US", sizeBytes,
                new EulaAcceptance("CONTOSO\\admin", Instant.parse("2026-11-24T09:30:00Z"))));
    }

    public static void removeQuietly(OsImageRecord... images) throws InterruptedException {
        for (OsImageRecord image : images) {
            try {
                catalog().remove(image.id());
            } catch (CatalogException e) {
                // already gone (a test deleted it)
            }
        }
    }

    /**
     * Handles the next shell titled {@code title} from inside the event loop of whatever opens
     * it (a modal dialog blocks the test until it closes): {@code handle} reads and closes it.
     * If the shell does not open within 20 s, or {@code handle} fails, every shell but the
     * workbench window's is closed so the test fails instead of hanging; the returned
     * reference then holds the failure.
     */
    public static AtomicReference<Throwable> whenShellOpens(String title, Consumer<Shell> handle) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 20_000;
        display.timerExec(200, new Runnable() {
            @Override
            public void run() {
                Shell shell = Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && title.equals(s.getText()))
                        .findFirst().orElse(null);
                if (shell == null && System.currentTimeMillis() < deadline) {
                    display.timerExec(100, this);
                    return;
                }
                try {
                    if (shell == null) {
                        throw new AssertionError("no window titled " + title + " opened within 20 s");
                    }
                    handle.accept(shell);
                } catch (Throwable e) {
                    failure.set(e);
                    Shell main = window().getShell();
                    Arrays.stream(display.getShells()).filter(s -> s != main && !s.isDisposed()).forEach(Shell::close);
                }
            }
        });
        return failure;
    }

    /** Fails with what {@link #whenShellOpens} caught, if anything. */
    public static void assertHandled(AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new AssertionError("handling the dialog failed", failure.get());
        }
    }

    public static void screenshot(Shell shell, String file) {
        assertTrue(Screenshots.save(shell, SCREENSHOTS.resolve(file)), "screenshot " + file + " not saved");
    }

    public static <T extends Control> List<T> controls(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        ArrayDeque<Control> work = new ArrayDeque<>(List.of(root));
        while (!work.isEmpty()) {
            Control control = work.pop();
            if (type.isInstance(control)) {
                found.add(type.cast(control));
            }
            if (control instanceof Composite composite) {
                work.addAll(Arrays.asList(composite.getChildren()));
            }
        }
        return found;
    }
}
