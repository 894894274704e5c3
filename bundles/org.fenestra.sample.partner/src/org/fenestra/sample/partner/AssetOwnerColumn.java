package org.fenestra.sample.partner;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.ui.api.ImageColumnProvider;
import org.fenestra.ui.api.ImageSummary;

/** The Asset Owner column: the owner this partner records, read off the UI thread with the rows. */
public final class AssetOwnerColumn implements ImageColumnProvider {

    private volatile String owner = "";

    @Override
    public void load(List<ImageSummary> images, IProgressMonitor monitor) {
        owner = InventoryOwner.get();
    }

    @Override
    public String text(ImageSummary image) {
        return owner;
    }
}
