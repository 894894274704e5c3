package org.fenestra.ui.internal.views;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.ui.api.ImageColumnProvider;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.registry.Contribution;

/**
 * A column contributed through {@code imageColumns}. A provider that fails while loading or
 * showing a value costs only its own cells (empty, the error logged with the contributor), never
 * the view.
 */
final class ContributedColumn implements ViewColumn {

    private static final System.Logger LOG = System.getLogger(ContributedColumn.class.getName());
    private static final int DEFAULT_WIDTH = 140;

    private final Contribution<ImageColumnProvider> contribution;
    private final ImageColumnProvider provider;
    private final int width;

    private ContributedColumn(Contribution<ImageColumnProvider> contribution, ImageColumnProvider provider) {
        this.contribution = contribution;
        this.provider = provider;
        this.width = widthOf(contribution);
    }

    /** The columns of {@code contributions} whose classes could be created; the others are logged. */
    static List<ContributedColumn> of(List<Contribution<ImageColumnProvider>> contributions) {
        return contributions.stream().map(ContributedColumn::create).filter(java.util.Objects::nonNull).toList();
    }

    private static ContributedColumn create(Contribution<ImageColumnProvider> contribution) {
        try {
            return new ContributedColumn(contribution, contribution.newInstance());
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "column " + contribution + " cannot be created; it is left out", e);
            return null;
        }
    }

    private static int widthOf(Contribution<?> contribution) {
        try {
            return Integer.parseInt(contribution.attribute("width", Integer.toString(DEFAULT_WIDTH)).strip());
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    void attach(Runnable reloadView) {
        provider.attach(reloadView);
    }

    /** Reads the column's values off the UI thread; a failure keeps the previous ones. */
    void load(List<ImageSummary> images, IProgressMonitor monitor) {
        try {
            provider.load(images, monitor);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "column " + contribution + " could not read its values", e);
        }
    }

    void dispose() {
        try {
            provider.dispose();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "column " + contribution + " failed to dispose", e);
        }
    }

    @Override
    public String title() {
        return contribution.label();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int position() {
        return contribution.order();
    }

    @Override
    public String text(ImageSummary image) {
        try {
            String text = provider.text(image);
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "column " + contribution + " failed to show " + image.id(), e);
            return "";
        }
    }

    @Override
    public Comparator<ImageSummary> order() {
        Comparator<ImageSummary> order = provider.order();
        return (left, right) -> {
            try {
                return order.compare(left, right);
            } catch (RuntimeException e) {
                return 0;
            }
        };
    }
}
