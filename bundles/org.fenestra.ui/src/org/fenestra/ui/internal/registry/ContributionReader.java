package org.fenestra.ui.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;

/**
 * Reads the elements of one Fenestra extension point. Malformed contributions (no id, a
 * duplicate id, a non-numeric order) are logged with the contributing bundle and skipped or
 * defaulted, never allowed to break the workbench.
 */
public final class ContributionReader {

    private static final System.Logger LOG = System.getLogger(ContributionReader.class.getName());

    private ContributionReader() {
    }

    /** The contributions of {@code elementName} elements to {@code pointId}, sorted by order then label. */
    public static <T> List<Contribution<T>> read(IExtensionRegistry registry, String pointId, String elementName,
            Class<T> type) {
        List<Contribution<T>> contributions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(pointId)) {
            String contributor = element.getContributor().getName();
            if (!element.getName().equals(elementName)) {
                LOG.log(Level.WARNING, "{0}: unknown element <{1}> in {2} ignored", contributor, element.getName(), pointId);
                continue;
            }
            String id = element.getAttribute("id");
            if (id == null || id.isBlank()) {
                LOG.log(Level.WARNING, "{0}: <{1}> without id in {2} ignored", contributor, elementName, pointId);
                continue;
            }
            if (!ids.add(id)) {
                LOG.log(Level.WARNING, "{0}: duplicate id {1} in {2} ignored", contributor, id, pointId);
                continue;
            }
            contributions.add(new Contribution<>(element, type, orderOf(element, pointId)));
        }
        contributions.sort(Comparator.comparingInt(Contribution<T>::order).thenComparing(Contribution::label));
        return List.copyOf(contributions);
    }

    private static int orderOf(IConfigurationElement element, String pointId) {
        String order = element.getAttribute("order");
        if (order == null || order.isBlank()) {
            return Contribution.DEFAULT_ORDER;
        }
        try {
            return Integer.parseInt(order.strip());
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "{0}: order \"{1}\" of {2} in {3} is not a whole number; using {4}",
                    element.getContributor().getName(), order, element.getAttribute("id"), pointId,
                    Contribution.DEFAULT_ORDER);
            return Contribution.DEFAULT_ORDER;
        }
    }
}
