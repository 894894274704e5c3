package org.fenestra.ui.internal.registry;

import java.util.List;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.fenestra.ui.api.AddImageWizardPageProvider;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageColumnProvider;
import org.fenestra.ui.api.ImageDetailsTab;
import org.fenestra.ui.api.ImagePropertyTab;

/** The workbench's extension points, each read into typed contributions. */
public final class ExtensionPoints {

    public static final String LIBRARY_NODES = "org.fenestra.ui.libraryNodes";
    public static final String IMAGE_ACTIONS = "org.fenestra.ui.imageActions";
    public static final String IMAGE_PROPERTY_TABS = "org.fenestra.ui.imagePropertyTabs";
    public static final String ADD_IMAGE_WIZARD_PAGES = "org.fenestra.ui.addImageWizardPages";
    public static final String IMAGE_COLUMNS = "org.fenestra.ui.imageColumns";
    public static final String IMAGE_DETAILS_TABS = "org.fenestra.ui.imageDetailsTabs";

    private ExtensionPoints() {
    }

    public static List<Contribution<Void>> libraryNodes(IExtensionRegistry registry) {
        return ContributionReader.read(registry, LIBRARY_NODES, "node", Void.class);
    }

    public static List<Contribution<ImageAction>> imageActions(IExtensionRegistry registry) {
        return ContributionReader.read(registry, IMAGE_ACTIONS, "action", ImageAction.class);
    }

    public static List<Contribution<ImagePropertyTab>> imagePropertyTabs(IExtensionRegistry registry) {
        return ContributionReader.read(registry, IMAGE_PROPERTY_TABS, "tab", ImagePropertyTab.class);
    }

    public static List<Contribution<AddImageWizardPageProvider>> addImageWizardPages(IExtensionRegistry registry) {
        return ContributionReader.read(registry, ADD_IMAGE_WIZARD_PAGES, "page", AddImageWizardPageProvider.class);
    }

    public static List<Contribution<ImageColumnProvider>> imageColumns(IExtensionRegistry registry) {
        return ContributionReader.read(registry, IMAGE_COLUMNS, "column", ImageColumnProvider.class);
    }

    public static List<Contribution<ImageDetailsTab>> imageDetailsTabs(IExtensionRegistry registry) {
        return ContributionReader.read(registry, IMAGE_DETAILS_TABS, "tab", ImageDetailsTab.class);
    }
}
