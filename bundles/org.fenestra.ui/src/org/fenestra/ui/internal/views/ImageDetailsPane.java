package org.fenestra.ui.internal.views;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.ui.api.ImageDetailsTab;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.registry.Contribution;

/**
 * The details pane under the images list, as in the console we follow: tabs about the
 * selected image, starting with Summary, then the tabs contributed through
 * {@code imageDetailsTabs} (update status, content status, ...). A contributed tab that fails
 * shows the error in its place (when created) or is logged (when shown); the others still work.
 */
final class ImageDetailsPane {

    private static final System.Logger LOG = System.getLogger(ImageDetailsPane.class.getName());

    private final CTabFolder folder;
    private final Composite summary;
    private final ScrolledComposite summaryScroll;
    private final List<ShownTab> contributed = new ArrayList<>();

    /** A contributed tab that was created. */
    private record ShownTab(Contribution<ImageDetailsTab> contribution, ImageDetailsTab tab) {
    }

    ImageDetailsPane(Composite parent, List<Contribution<ImageDetailsTab>> tabs) {
        folder = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        summaryScroll = new ScrolledComposite(folder, SWT.V_SCROLL | SWT.H_SCROLL);
        summaryScroll.setExpandHorizontal(true);
        summaryScroll.setExpandVertical(true);
        summary = new Composite(summaryScroll, SWT.NONE);
        summary.setLayout(new GridLayout(4, false));
        summaryScroll.setContent(summary);
        addTab(Messages.Details_summaryTab, summaryScroll);
        tabs.forEach(this::addContributed);
        folder.setSelection(0);
        show(List.of());
    }

    private void addContributed(Contribution<ImageDetailsTab> contribution) {
        try {
            ImageDetailsTab tab = contribution.newInstance();
            addTab(contribution.label(), tab.createContents(folder));
            contributed.add(new ShownTab(contribution, tab));
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "details tab " + contribution + " cannot be created", e);
            Label failure = new Label(folder, SWT.WRAP);
            failure.setText(Messages.bind(Messages.Details_tabFailed, contribution.contributor(), e.getMessage()));
            addTab(contribution.label(), failure);
        }
    }

    /** Adds a tab holding {@code content} (a child of {@link #folder()}). */
    CTabItem addTab(String title, Control content) {
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(title);
        item.setControl(content);
        return item;
    }

    CTabFolder folder() {
        return folder;
    }

    /** Shows the summary of the selected images. */
    void show(List<ImageSummary> selection) {
        for (Control child : summary.getChildren()) {
            child.dispose();
        }
        if (selection.size() == 1) {
            ImageSummary image = selection.get(0);
            field(Messages.Details_name, image.name());
            field(Messages.Details_id, image.id());
            field(Messages.Column_osVersion, image.osVersion());
            field(Messages.Column_version, image.version());
            field(Messages.Column_architecture, image.architecture());
            field(Messages.Column_language, image.language());
            field(Messages.Column_size, ByteSize.text(image.sizeBytes()));
            field(Messages.Column_imageIndex, Integer.toString(image.imageIndex()));
            field(Messages.Column_dateAdded, ImageColumn.date(image.dateAdded()));
        } else {
            Label note = new Label(summary, SWT.WRAP);
            note.setText(selection.isEmpty() ? Messages.Details_nothingSelected
                    : Messages.bind(Messages.Details_manySelected, selection.size()));
            note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        }
        summary.layout(true, true);
        summaryScroll.setMinSize(summary.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        for (ShownTab shown : contributed) {
            try {
                shown.tab().show(selection);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "details tab " + shown.contribution() + " failed to show the selection", e);
            }
        }
    }

    /** Tells the contributed tabs the view is closing. */
    void dispose() {
        for (ShownTab shown : contributed) {
            try {
                shown.tab().dispose();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "details tab " + shown.contribution() + " failed to dispose", e);
            }
        }
    }

    /** The values shown on the Summary tab, in order (for tests). */
    List<String> summaryValues() {
        return java.util.Arrays.stream(summary.getChildren()).filter(Text.class::isInstance)
                .map(control -> ((Text) control).getText()).toList();
    }

    private void field(String label, String value) {
        Label name = new Label(summary, SWT.NONE);
        name.setText(label + ":");
        name.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        Text text = new Text(summary, SWT.READ_ONLY);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }
}
