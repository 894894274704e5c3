package org.fenestra.servicing.ui.internal.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.ui.internal.Messages;
import org.fenestra.servicing.ui.internal.ServicingServices;
import org.fenestra.ui.api.Tables;
import org.fenestra.ui.api.UiThread;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.wim.WimFile;

/**
 * Choose Updates: the updates applicable to the image and not yet applied (read in a Job), filtered
 * by text and architecture (X86, X64, All); one, several or all of them chosen.
 */
final class ChooseUpdatesPage extends WizardPage {

    /** The architecture choices, in the combo's order; null = All. */
    static final UpdateArchitecture[] ARCHITECTURES = { null, UpdateArchitecture.X86, UpdateArchitecture.X64 };

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final ScheduleSettings settings;
    private Text filterText;
    private Combo architecture;
    private CheckboxTableViewer table;
    private Label count;
    private boolean loaded;

    ChooseUpdatesPage(ScheduleSettings settings) {
        super("chooseUpdates");
        this.settings = settings;
        setTitle(Messages.Choose_title);
        setDescription(ScheduleUpdatesWizard.imageLine(settings));
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(4, false));
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(Messages.Choose_intro);
        intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));

        new Label(page, SWT.NONE).setText(Messages.Choose_filter);
        filterText = new Text(page, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filterText.setMessage(Messages.Choose_filterHint);
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(page, SWT.NONE).setText(Messages.Choose_architecture);
        architecture = new Combo(page, SWT.READ_ONLY);
        architecture.setItems(Messages.Choose_all, "X86", "X64");
        architecture.select(0);

        table = CheckboxTableViewer.newCheckList(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        tableData.heightHint = 220;
        tableData.widthHint = 640;
        table.getTable().setLayoutData(tableData);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Choose_article, 110, UpdatePackage::articleId);
        column(Messages.Choose_updateTitle, 230, UpdatePackage::title);
        column(Messages.Choose_classification, 110, UpdatePackage::classification);
        column(Messages.Choose_architectureColumn, 80, u -> u.architecture().identityName());
        column(Messages.Choose_type, 80, u -> u.packageType().name());
        column(Messages.Choose_released, 90, u -> u.releaseDate() == null ? "" : DATE.format(u.releaseDate()));
        table.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                return shownFilter().accepts((UpdatePackage) element);
            }
        });
        table.addCheckStateListener(event -> {
            String id = ((UpdatePackage) event.getElement()).id();
            if (event.getChecked()) {
                settings.selected.add(id);
            } else {
                settings.selected.remove(id);
            }
            selectionChanged();
        });

        Composite buttons = new Composite(page, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        button(buttons, Messages.Choose_selectAll, true);
        button(buttons, Messages.Choose_clearAll, false);
        count = new Label(buttons, SWT.NONE);
        count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        filterText.addModifyListener(event -> refilter());
        architecture.addListener(SWT.Selection, event -> refilter());
        setControl(page);
        readInBackground();
    }

    private void column(String title, int width, Function<UpdatePackage, String> text) {
        Tables.addColumn(table, title, width, UpdatePackage.class, text);
    }

    /** Select All / Clear All act on the updates the filter shows. */
    private void button(Composite parent, String text, boolean check) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> {
            for (int i = 0; i < table.getTable().getItemCount(); i++) {
                UpdatePackage update = (UpdatePackage) table.getElementAt(i);
                if (check) {
                    settings.selected.add(update.id());
                } else {
                    settings.selected.remove(update.id());
                }
            }
            showChecks();
            selectionChanged();
        });
    }

    private UpdateFilter shownFilter() {
        return new UpdateFilter(filterText.getText(), ARCHITECTURES[Math.max(0, architecture.getSelectionIndex())], true,
                true);
    }

    private void refilter() {
        table.refresh();
        showChecks();
        selectionChanged();
    }

    private void showChecks() {
        table.setCheckedElements(settings.applicable.stream().filter(u -> settings.selected.contains(u.id())).toArray());
    }

    private void selectionChanged() {
        int shown = table.getTable().getItemCount();
        count.setText(NLS.bind(Messages.Choose_count, new Object[] { settings.selected.size(), settings.applicable.size(), shown }));
        count.getParent().layout();
        setPageComplete(loaded && !settings.selected.isEmpty());
    }

    /** Reads the applicable updates and how many images the image's WIM holds (for optimize). */
    private void readInBackground() {
        setMessage(Messages.Choose_reading);
        String imageId = settings.image.id();
        Job job = Job.create(NLS.bind(Messages.Choose_readJob, settings.image.name()), monitor -> {
            List<UpdatePackage> applicable = List.of();
            String problem = null;
            int images = 0;
            String imageProblem = "";
            try {
                ServicingServices services = ServicingServices.of();
                applicable = services.updates().applicable(imageId, UpdateFilter.ALL);
                try (WimFile wim = WimFile.open(Path.of(services.catalog().get(imageId).storedPath()))) {
                    images = wim.imageCount();
                } catch (IOException e) {
                    imageProblem = NLS.bind(Messages.Schedule_imageUnreadable, e.getMessage());
                }
            } catch (ServicingException | UpdateException e) {
                problem = e.getMessage();
            } catch (org.fenestra.catalog.api.CatalogException e) {
                problem = e.getMessage();
            }
            List<UpdatePackage> read = applicable;
            String readProblem = problem;
            int readImages = images;
            String readImageProblem = imageProblem;
            UiThread.updateLater(table.getTable(), () -> show(read, readProblem, readImages, readImageProblem));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<UpdatePackage> applicable, String problem, int images, String imageProblem) {
        settings.applicable = applicable;
        settings.imageCount = images;
        settings.imageProblem = imageProblem;
        loaded = problem == null;
        table.setInput(applicable);
        showChecks();
        if (problem != null) {
            setMessage(null);
            setErrorMessage(problem);
        } else if (applicable.isEmpty()) {
            setMessage(Messages.Choose_none, WARNING);
        } else {
            setMessage(null);
        }
        selectionChanged();
    }

    /** The updates table, for tests. */
    CheckboxTableViewer table() {
        return table;
    }
}
