package org.fenestra.ui.testing;

import java.util.ArrayDeque;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.PartInitException;
import org.fenestra.ui.internal.registry.LibraryNode;
import org.fenestra.ui.internal.views.LibraryNavigatorView;

/** Drives the library navigator (the tree of nodes) for other bundles' workbench tests. */
public final class LibraryDriver {

    private final LibraryNavigatorView navigator;

    private LibraryDriver(LibraryNavigatorView navigator) {
        this.navigator = navigator;
    }

    public static LibraryDriver show() throws PartInitException {
        return new LibraryDriver((LibraryNavigatorView) Ui.window().getActivePage().showView(LibraryNavigatorView.ID));
    }

    /** Selects the node named {@code name} (anywhere in the tree) as a click does: its view opens. */
    public void open(String name) {
        LibraryNode node = find(name);
        navigator.viewer().setSelection(new StructuredSelection(node), true);
        Ui.processEvents();
    }

    /** The names of the node's children, in order. */
    public List<String> childrenOf(String name) {
        return find(name).children().stream().map(LibraryNode::name).toList();
    }

    /** The names of the nodes, depth first. */
    public List<String> names() {
        return all().stream().map(LibraryNode::name).toList();
    }

    private LibraryNode find(String name) {
        return all().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no library node " + name + " in " + names()));
    }

    private List<LibraryNode> all() {
        List<LibraryNode> found = new java.util.ArrayList<>();
        ArrayDeque<LibraryNode> work = new ArrayDeque<>();
        ((List<?>) navigator.viewer().getInput()).stream().map(LibraryNode.class::cast).forEach(work::add);
        while (!work.isEmpty()) {
            LibraryNode node = work.pop();
            found.add(node);
            node.children().forEach(work::add);
        }
        return found;
    }
}
