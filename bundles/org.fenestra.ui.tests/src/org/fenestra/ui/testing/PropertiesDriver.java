package org.fenestra.ui.testing;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabItem;
import org.fenestra.ui.api.ImagePropertyTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.properties.ImagePropertiesDialog;

/** Drives an image's Properties dialog for other bundles' workbench tests: its tabs by title, its shell. */
public final class PropertiesDriver {

    private final ImagePropertiesDialog dialog;

    private PropertiesDriver(ImagePropertiesDialog dialog) {
        this.dialog = dialog;
    }

    /** Opens Properties of the image without blocking the test. */
    public static PropertiesDriver open(ImageSummary image) {
        ImagePropertiesDialog dialog = new ImagePropertiesDialog(Ui.window().getShell(), image);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Ui.processEvents();
        return new PropertiesDriver(dialog);
    }

    /**
     * Opens Properties of the image modally, as the workbench does: the call returns when the dialog
     * closes, so handle it with {@link Ui#whenShellOpens} and {@link #of(Shell)}.
     */
    public static void openModal(ImageSummary image) {
        new ImagePropertiesDialog(Ui.window().getShell(), image).open();
    }

    /** The Properties dialog whose shell this is (one the workbench opened, e.g. from an action). */
    public static PropertiesDriver of(Shell shell) {
        if (!(shell.getData() instanceof ImagePropertiesDialog dialog)) {
            throw new AssertionError(shell.getText() + " is not an image's Properties dialog");
        }
        return new PropertiesDriver(dialog);
    }

    public Shell shell() {
        return dialog.getShell();
    }

    /** The tabs' titles in order. */
    public List<String> tabTitles() {
        return Arrays.stream(dialog.tabFolder().getItems()).map(TabItem::getText).toList();
    }

    /** Brings the tab titled {@code title} to the front; its control. */
    public Control selectTab(String title) {
        TabItem item = Arrays.stream(dialog.tabFolder().getItems()).filter(t -> t.getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + title + " in " + tabTitles()));
        dialog.tabFolder().setSelection(item);
        Ui.processEvents();
        return item.getControl();
    }

    /** The loaded tab of this type (a contributed tab's own class, in the test of its bundle). */
    public <T extends ImagePropertyTab> T tab(Class<T> type) {
        return dialog.tabs().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " tab loaded"));
    }

    /** Saves a screenshot of the whole dialog into target/screenshots. */
    public void screenshot(String file) {
        Ui.screenshot(dialog.getShell(), file);
    }

    public void close() {
        if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
    }
}
