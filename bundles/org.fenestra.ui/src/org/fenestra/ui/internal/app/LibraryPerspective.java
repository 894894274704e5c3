package org.fenestra.ui.internal.app;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.fenestra.ui.internal.views.LibraryNavigatorView;
import org.fenestra.ui.internal.views.OsImagesView;

/** Navigation tree on the left, the selected node's view filling the rest (no editors). */
public final class LibraryPerspective implements IPerspectiveFactory {

    public static final String ID = "org.fenestra.ui.perspective.library";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);
        layout.addView(LibraryNavigatorView.ID, IPageLayout.LEFT, 0.22f, editorArea);
        layout.addView(OsImagesView.ID, IPageLayout.RIGHT, 0.78f, editorArea);
        layout.getViewLayout(LibraryNavigatorView.ID).setCloseable(false);
    }
}
