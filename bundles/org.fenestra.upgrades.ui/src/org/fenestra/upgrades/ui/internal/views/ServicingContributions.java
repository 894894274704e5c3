package org.fenestra.upgrades.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageColumnProvider;
import org.fenestra.ui.api.ImagePropertyTab;

/**
 * Servicing's columns, actions and tab for OS images (Scheduled Updates Date and Status, Schedule Updates,
 * Cancel Scheduled Updates, the Servicing tab) and updates' Installed Updates tab serve upgrade packages
 * unchanged: they work on a servicing target's ID, and a package's ID is its install.wim's. Only these
 * bundles' contributions are taken; others' image actions (distribution, registry) mean nothing for a setup
 * media folder.
 */
final class ServicingContributions {

    static final String SERVICING_UI = "org.fenestra.servicing.ui";
    static final String UPDATES_UI = "org.fenestra.updates.ui";
    private static final System.Logger LOG = System.getLogger(ServicingContributions.class.getName());

    /** A contributed column and its title. */
    record Column(String title, int width, ImageColumnProvider provider) {
    }

    /** A contributed action, its label and how many rows it takes ("one" or "many"). */
    record Action(String label, String tooltip, boolean singleSelection, boolean checksEnablement, ImageAction action) {
    }

    private ServicingContributions() {
    }

    static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (IConfigurationElement element : servicing("org.fenestra.ui.imageColumns")) {
            try {
                columns.add(new Column(element.getAttribute("label"), number(element.getAttribute("width"), 150),
                        (ImageColumnProvider) element.createExecutableExtension("class")));
            } catch (CoreException | ClassCastException e) {
                LOG.log(System.Logger.Level.ERROR, "servicing column " + element.getAttribute("id") + " cannot be created", e);
            }
        }
        return columns;
    }

    static List<Action> actions() {
        List<Action> actions = new ArrayList<>();
        for (IConfigurationElement element : servicing("org.fenestra.ui.imageActions")) {
            try {
                actions.add(new Action(element.getAttribute("label"), element.getAttribute("tooltip"),
                        !"many".equals(element.getAttribute("selection")),
                        Boolean.parseBoolean(element.getAttribute("checksEnablement")),
                        (ImageAction) element.createExecutableExtension("class")));
            } catch (CoreException | ClassCastException e) {
                LOG.log(System.Logger.Level.ERROR, "servicing action " + element.getAttribute("id") + " cannot be created", e);
            }
        }
        return actions;
    }

    /** A contributed property tab and its label. */
    record Tab(String label, ImagePropertyTab tab) {
    }

    /** New instances of the Properties tabs that fit a package (one dialog's worth). */
    static List<Tab> propertyTabs() {
        List<Tab> tabs = new ArrayList<>();
        for (IConfigurationElement element : contributed("org.fenestra.ui.imagePropertyTabs", SERVICING_UI, UPDATES_UI)) {
            try {
                tabs.add(new Tab(element.getAttribute("label"), (ImagePropertyTab) element.createExecutableExtension("class")));
            } catch (CoreException | ClassCastException e) {
                LOG.log(System.Logger.Level.ERROR, "property tab " + element.getAttribute("id") + " cannot be created", e);
            }
        }
        return tabs;
    }

    private static List<IConfigurationElement> servicing(String point) {
        return contributed(point, SERVICING_UI);
    }

    private static List<IConfigurationElement> contributed(String point, String... contributors) {
        List<String> accepted = List.of(contributors);
        List<IConfigurationElement> elements = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(point)) {
            if (accepted.contains(element.getContributor().getName())) {
                elements.add(element);
            }
        }
        elements.sort(Comparator.comparingInt(e -> number(e.getAttribute("order"), 100)));
        return elements;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
