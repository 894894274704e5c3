package org.fenestra.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.internal.addimage.AddImageWizard;
import org.fenestra.ui.internal.addimage.AddImageWizardDialog;
import org.fenestra.ui.internal.catalog.CatalogImageSource;
import org.fenestra.ui.internal.properties.ImagePropertiesDialog;
import org.fenestra.ui.internal.registry.Contribution;
import org.fenestra.ui.internal.registry.ExtensionPoints;

/**
 * The Operating System Images view: a table of the site catalog's images (refreshed when the
 * catalog changes) with the columns of
 * {@link ImageColumn}, and a toolbar holding Properties plus every contributed
 * {@code imageActions} entry, enabled according to the selection.
 */
public final class OsImagesView extends ViewPart {

    public static final String ID = "org.fenestra.ui.views.osImages";
    public static final String ADD_IMAGE_ACTION_ID = "org.fenestra.ui.action.addImage";

    private TableViewer viewer;
    private final List<ContributedImageAction> contributedActions = new ArrayList<>();
    private Action propertiesAction;
    private CatalogImageSource catalogImages;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (ImageColumn column : ImageColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.getColumn().setMoveable(true);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((ImageSummary) element);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        createToolbar(getViewSite().getActionBars().getToolBarManager());
        viewer.addSelectionChangedListener(event -> updateEnablement());
        viewer.addDoubleClickListener(event -> propertiesAction.run());
        getSite().setSelectionProvider(viewer);
        updateEnablement();
        catalogImages = new CatalogImageSource(images -> table.getDisplay().asyncExec(() -> {
            if (!table.isDisposed()) {
                setImages(images);
            }
        })).open();
    }

    private void createToolbar(IToolBarManager toolbar) {
        Action addImage = new Action("Add Operating System Image") {
            @Override
            public void run() {
                new AddImageWizardDialog(getSite().getShell(), new AddImageWizard()).open();
            }
        };
        addImage.setId(ADD_IMAGE_ACTION_ID);
        addImage.setToolTipText("Add an operating system image from a WIM file");
        toolbar.add(addImage);
        propertiesAction = new Action("Properties") {
            @Override
            public void run() {
                List<ImageSummary> selection = selectedImages();
                if (selection.size() == 1) {
                    new ImagePropertiesDialog(getSite().getShell(), selection.get(0)).open();
                }
            }
        };
        propertiesAction.setId("org.fenestra.ui.action.properties");
        propertiesAction.setToolTipText("Show the properties of the selected image");
        for (Contribution<ImageAction> contribution : ExtensionPoints.imageActions(Platform.getExtensionRegistry())) {
            ContributedImageAction action = new ContributedImageAction(contribution);
            contributedActions.add(action);
            toolbar.add(action);
        }
        toolbar.add(propertiesAction);
    }

    /** Replaces the rows shown, keeping the selected images that remain; called on the UI thread. */
    public void setImages(List<ImageSummary> images) {
        Set<String> selectedIds = selectedImages().stream().map(ImageSummary::id).collect(Collectors.toSet());
        viewer.setInput(List.copyOf(images));
        viewer.setSelection(new StructuredSelection(
                images.stream().filter(image -> selectedIds.contains(image.id())).toList()));
        updateEnablement();
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** The toolbar entries contributed through {@code imageActions}, in order. */
    public List<? extends Action> contributedActions() {
        return List.copyOf(contributedActions);
    }

    private List<ImageSummary> selectedImages() {
        return viewer.getStructuredSelection().toList().stream().map(ImageSummary.class::cast).toList();
    }

    private void updateEnablement() {
        int selected = viewer.getStructuredSelection().size();
        propertiesAction.setEnabled(selected == 1);
        contributedActions.forEach(action -> action.setEnabled(action.rule.allows(selected)));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (catalogImages != null) {
            catalogImages.close();
        }
        super.dispose();
    }

    /** When a contributed action is enabled, from its {@code selection} attribute. */
    enum SelectionRule {
        NONE, ONE, MANY;

        static SelectionRule of(String attribute) {
            return switch (attribute) {
                case "none" -> NONE;
                case "many" -> MANY;
                default -> ONE;
            };
        }

        boolean allows(int selected) {
            return switch (this) {
                case NONE -> true;
                case ONE -> selected == 1;
                case MANY -> selected >= 1;
            };
        }
    }

    private final class ContributedImageAction extends Action {
        private final Contribution<ImageAction> contribution;
        private final SelectionRule rule;
        private ImageAction delegate;

        ContributedImageAction(Contribution<ImageAction> contribution) {
            super(contribution.label());
            this.contribution = contribution;
            this.rule = SelectionRule.of(contribution.attribute("selection", "one"));
            setId(contribution.id());
            setToolTipText(contribution.attribute("tooltip", contribution.label()));
        }

        @Override
        public void run() {
            try {
                if (delegate == null) {
                    delegate = contribution.newInstance();
                }
                delegate.run(getSite().getShell(), selectedImages());
            } catch (CoreException e) {
                ErrorDialog.openError(getSite().getShell(), "Fenestra", "Cannot run " + contribution.label(), e.getStatus());
            } catch (RuntimeException e) {
                ErrorDialog.openError(getSite().getShell(), "Fenestra", contribution.label() + " failed",
                        contribution.error(String.valueOf(e.getMessage()), e));
            }
        }
    }
}
