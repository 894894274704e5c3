package org.fenestra.ui.internal.views;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPartSite;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.RemovedImage;
import org.fenestra.ui.api.ImageAction;
import org.fenestra.ui.api.ImageSummary;
import org.fenestra.ui.api.UiThread;
import org.fenestra.ui.internal.Icons;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.addimage.AddImageWizard;
import org.fenestra.ui.internal.addimage.AddImageWizardDialog;
import org.fenestra.ui.internal.properties.ImagePropertiesDialog;
import org.fenestra.ui.internal.registry.Contribution;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * The actions of the Operating System Images view, shared by its toolbar and its context
 * menu: Add, Refresh, the partners' {@code imageActions}, Delete and Properties, each enabled
 * for the selection it needs.
 */
final class ImageViewActions {

    private static final System.Logger LOG = System.getLogger(ImageViewActions.class.getName());

    private final IWorkbenchPartSite site;
    private final Supplier<List<ImageSummary>> selection;
    private final Action add;
    private final Action refresh;
    private final Action delete;
    private final Action properties;
    private final List<ContributedImageAction> contributed = new ArrayList<>();

    ImageViewActions(IWorkbenchPartSite site, Supplier<List<ImageSummary>> selection,
            Runnable reload, List<Contribution<ImageAction>> contributions) {
        this.site = site;
        this.selection = selection;
        add = action(OsImagesView.ADD_IMAGE_ACTION_ID, Messages.Action_add, Messages.Action_addTooltip, Icons.ADD,
                () -> new AddImageWizardDialog(shell(), new AddImageWizard()).open());
        refresh = action(OsImagesView.REFRESH_ACTION_ID, Messages.Action_refresh, Messages.Action_refreshTooltip,
                Icons.REFRESH, reload);
        delete = action(OsImagesView.DELETE_ACTION_ID, Messages.Action_delete, Messages.Action_deleteTooltip,
                Icons.DELETE, this::deleteSelected);
        properties = action(OsImagesView.PROPERTIES_ACTION_ID, Messages.Action_properties,
                Messages.Action_propertiesTooltip, Icons.PROPERTIES, this::showProperties);
        contributions.forEach(contribution -> contributed.add(new ContributedImageAction(contribution)));
    }

    private static Action action(String id, String text, String tooltip, Icons icon, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setId(id);
        action.setToolTipText(tooltip);
        action.setImageDescriptor(icon.descriptor());
        return action;
    }

    Action add() {
        return add;
    }

    Action refresh() {
        return refresh;
    }

    Action delete() {
        return delete;
    }

    Action properties() {
        return properties;
    }

    List<ContributedImageAction> contributed() {
        return List.copyOf(contributed);
    }

    /** In toolbar order. */
    List<IAction> all() {
        List<IAction> all = new ArrayList<>(List.of(add, refresh));
        all.addAll(contributed);
        all.add(delete);
        all.add(properties);
        return List.copyOf(all);
    }

    void updateEnablement(List<ImageSummary> selected) {
        delete.setEnabled(selected.size() >= 1);
        properties.setEnabled(selected.size() == 1);
        contributed.forEach(action -> action.setEnabled(action.enabledFor(selected)));
    }

    private Shell shell() {
        return site.getShell();
    }

    private void showProperties() {
        List<ImageSummary> images = selection.get();
        if (images.size() == 1) {
            new ImagePropertiesDialog(shell(), images.get(0)).open();
        }
    }

    private void deleteSelected() {
        List<ImageSummary> images = selection.get();
        if (images.isEmpty()) {
            return;
        }
        String names = images.stream().map(image -> "  " + image.name() + " (" + image.id() + ")")
                .collect(Collectors.joining("\n"));
        MessageDialogWithToggle confirm = MessageDialogWithToggle.openOkCancelConfirm(shell(), Messages.Delete_title,
                Messages.bind(images.size() == 1 ? Messages.Delete_questionOne : Messages.Delete_question, images.size(),
                        names), Messages.Delete_keepFiles, false, null,
                null);
        if (confirm.getReturnCode() != IDialogConstants.OK_ID) {
            return;
        }
        deleteInBackground(images, confirm.getToggleState());
    }

    /**
     * Removes the images from the site in a job, as the console's {@code image-remove} does: the
     * record, and (unless {@code keepFiles}) the WIM files the import extracted; a source recorded
     * as it is stays. The view reloads from the catalog's change; files that could not be deleted
     * are named in an error dialog so the admin can delete them by hand.
     */
    void deleteInBackground(List<ImageSummary> images, boolean keepFiles) {
        WorkbenchServices services = WorkbenchServices.of();
        Shell shell = shell();
        Job job = new Job(Messages.bind(Messages.Delete_job, images.size())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, images.size());
                List<String> failures = new ArrayList<>();
                try {
                    ImageRemover remover = services.requireRemover();
                    for (ImageSummary image : images) {
                        if (progress.isCanceled()) {
                            break;
                        }
                        progress.subTask(image.name());
                        try {
                            RemovedImage removed = remover.remove(image.id(), keepFiles);
                            if (!removed.problem().isEmpty()) {
                                failures.add(image.name() + ": " + removed.problem());
                            }
                        } catch (ImageNotFoundException e) {
                            // someone else deleted it meanwhile: what the admin wanted
                        }
                        progress.worked(1);
                    }
                } catch (CatalogException e) {
                    LOG.log(Level.WARNING, "deleting OS images failed", e);
                    failures.add(e.getMessage());
                }
                if (!failures.isEmpty()) {
                    UiThread.updateLater(shell, () -> MessageDialog.openError(shell,
                            Messages.Delete_title, Messages.bind(Messages.Delete_failed, String.join("\n", failures))));
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
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

    final class ContributedImageAction extends Action {
        private final Contribution<ImageAction> contribution;
        private final SelectionRule rule;
        private ImageAction delegate;

        ContributedImageAction(Contribution<ImageAction> contribution) {
            super(contribution.label());
            this.contribution = contribution;
            this.rule = SelectionRule.of(contribution.attribute("selection", "one"));
            setId(contribution.id());
            setToolTipText(contribution.attribute("tooltip", contribution.label()));
            if (Boolean.parseBoolean(contribution.attribute("checksEnablement", "false"))) {
                delegate(); // its enabledFor is asked at every selection change
            }
            String icon = contribution.attribute("icon", null);
            if (icon != null) {
                ResourceLocator.imageDescriptorFromBundle(contribution.contributor(), icon)
                        .ifPresent(this::setImageDescriptor);
            }
        }

        /** Whether the action is enabled for {@code selected}: its selection rule, then its own check. */
        boolean enabledFor(List<ImageSummary> selected) {
            if (!rule.allows(selected.size())) {
                return false;
            }
            if (delegate == null) {
                return true; // not created yet: the rule alone decides
            }
            try {
                return delegate.enabledFor(selected);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "action " + contribution + " failed to say whether it is enabled", e);
                return false;
            }
        }

        private ImageAction delegate() {
            if (delegate == null) {
                try {
                    delegate = contribution.newInstance();
                } catch (CoreException e) {
                    LOG.log(Level.WARNING, "action " + contribution + " cannot be created", e);
                }
            }
            return delegate;
        }

        @Override
        public void run() {
            try {
                if (delegate == null) {
                    delegate = contribution.newInstance();
                }
                delegate.run(shell(), selection.get());
            } catch (CoreException e) {
                ErrorDialog.openError(shell(), Messages.Fenestra, Messages.bind(Messages.Action_cannotRun,
                        contribution.label()), e.getStatus());
            } catch (RuntimeException e) {
                ErrorDialog.openError(shell(), Messages.Fenestra, Messages.bind(Messages.Action_failed,
                        contribution.label()), contribution.error(String.valueOf(e.getMessage()), e));
            }
        }
    }
}
