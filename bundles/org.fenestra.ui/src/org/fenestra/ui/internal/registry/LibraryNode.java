package org.fenestra.ui.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the Software Library navigation tree, built from {@code libraryNodes}
 * contributions. Children keep the contributions' order.
 */
public final class LibraryNode {

    private static final System.Logger LOG = System.getLogger(LibraryNode.class.getName());

    private final Contribution<Void> contribution;
    private final List<LibraryNode> children = new ArrayList<>();
    private LibraryNode parent;

    private LibraryNode(Contribution<Void> contribution) {
        this.contribution = contribution;
    }

    /** Links sorted contributions into trees and returns the roots. Unknown or cyclic parents become roots. */
    public static List<LibraryNode> buildTree(List<Contribution<Void>> contributions) {
        Map<String, LibraryNode> byId = new LinkedHashMap<>();
        for (Contribution<Void> contribution : contributions) {
            byId.put(contribution.id(), new LibraryNode(contribution));
        }
        List<LibraryNode> roots = new ArrayList<>();
        for (LibraryNode node : byId.values()) {
            String parentId = node.contribution.attribute("parent", null);
            LibraryNode parent = parentId == null ? null : byId.get(parentId);
            if (parentId != null && parent == null) {
                LOG.log(Level.WARNING, "{0}: parent {1} of library node {2} is not declared; shown at the root",
                        node.contribution.contributor(), parentId, node.id());
            }
            if (parent == null || parent.isDescendantOf(node)) {
                roots.add(node);
            } else {
                node.parent = parent;
                parent.children.add(node);
            }
        }
        return List.copyOf(roots);
    }

    private boolean isDescendantOf(LibraryNode candidateAncestor) {
        for (LibraryNode n = this; n != null; n = n.parent) {
            if (n == candidateAncestor) {
                return true;
            }
        }
        return false;
    }

    public String id() {
        return contribution.id();
    }

    public String name() {
        return contribution.label();
    }

    /** The view to show when the node is selected, or {@code null}. */
    public String viewId() {
        return contribution.attribute("view", null);
    }

    /** Bundle-relative path of the node's icon, or {@code null}. */
    public String icon() {
        return contribution.attribute("icon", null);
    }

    public String contributor() {
        return contribution.contributor();
    }

    public LibraryNode parent() {
        return parent;
    }

    public List<LibraryNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Path of names from the root, e.g. {@code Software Library › Operating Systems}. */
    public String path() {
        return parent == null ? name() : parent.path() + " \u203a " + name();
    }

    @Override
    public String toString() {
        return path();
    }
}
