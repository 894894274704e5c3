package org.fenestra.ui.internal.views;

import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.ui.internal.registry.ExtensionPoints;
import org.fenestra.ui.internal.registry.LibraryNode;

/**
 * The navigation tree on the left: Software Library and everything contributed below it
 * through {@code libraryNodes}. Selecting a node with a view shows that view.
 */
public final class LibraryNavigatorView extends ViewPart {

    public static final String ID = "org.fenestra.ui.views.library";

    private TreeViewer viewer;
    private LocalResourceManager resources;

    @Override
    public void createPartControl(Composite parent) {
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(new NodeContentProvider());
        viewer.setLabelProvider(new NodeLabelProvider());
        viewer.setInput(LibraryNode.buildTree(ExtensionPoints.libraryNodes(Platform.getExtensionRegistry())));
        viewer.expandAll();
        viewer.addSelectionChangedListener(event -> showViewOf(event.getStructuredSelection()));
        getSite().setSelectionProvider(viewer);
    }

    private void showViewOf(IStructuredSelection selection) {
        if (!(selection.getFirstElement() instanceof LibraryNode node) || node.viewId() == null) {
            return;
        }
        try {
            getSite().getPage().showView(node.viewId());
        } catch (PartInitException e) {
            System.getLogger(LibraryNavigatorView.class.getName()).log(System.Logger.Level.ERROR,
                    node.contributor() + ": cannot show view " + node.viewId() + " of node " + node.id(), e);
        }
    }

    /** The tree's roots, for tests and for views that want to select a node. */
    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    private static final class NodeContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return ((LibraryNode) parent).children().toArray();
        }

        @Override
        public Object getParent(Object element) {
            return ((LibraryNode) element).parent();
        }

        @Override
        public boolean hasChildren(Object element) {
            return !((LibraryNode) element).children().isEmpty();
        }
    }

    private final class NodeLabelProvider extends ColumnLabelProvider {
        @Override
        public String getText(Object element) {
            return ((LibraryNode) element).name();
        }

        @Override
        public Image getImage(Object element) {
            LibraryNode node = (LibraryNode) element;
            return node.icon() == null ? null
                    : ResourceLocator.imageDescriptorFromBundle(node.contributor(), node.icon())
                            .map(ImageDescriptor.class::cast).map(resources::create).orElse(null);
        }
    }
}
