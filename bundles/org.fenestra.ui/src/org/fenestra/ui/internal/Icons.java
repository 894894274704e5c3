package org.fenestra.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

/** The workbench's own 16x16 icons, drawn for Fenestra, in {@code icons/} of this bundle. */
public enum Icons {
    ADD("add"), REFRESH("refresh"), DELETE("delete"), PROPERTIES("properties"), ABOUT("about"),
    PREFERENCES("preferences"), LOGS("logs"), IMAGE("image"), LICENSE("license");

    private final String file;

    Icons(String file) {
        this.file = file;
    }

    public ImageDescriptor descriptor() {
        return ResourceLocator.imageDescriptorFromBundle(Icons.class, "icons/" + file + ".png")
                .orElseGet(ImageDescriptor::getMissingImageDescriptor);
    }
}
