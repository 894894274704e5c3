package org.fenestra.servicing.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The servicing workbench's texts, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.fenestra.servicing.ui.internal.messages";

    public static String Yes;
    public static String No;
    public static String Services_servicingNotRunning;
    public static String Services_updatesNotRunning;
    public static String Services_catalogNotRunning;
    public static String Status_scheduled;
    public static String Status_inProcess;
    public static String Status_successful;
    public static String Status_failed;
    public static String Status_cancelled;
    public static String Column_refreshJob;
    public static String Cancel_title;
    public static String Cancel_job;
    public static String Cancel_nothingInProcess;
    public static String Tab_schedule;
    public static String Tab_reading;
    public static String Tab_history;
    public static String Tab_log;
    public static String Tab_chooseRun;
    public static String Tab_noRuns;
    public static String Tab_noSchedule;
    public static String Tab_noNextRun;
    public static String Tab_allApplicable;
    public static String Tab_scheduleText;
    public static String Tab_readJob;
    public static String Tab_readLogJob;
    public static String Tab_runStarted;
    public static String Tab_runStatus;
    public static String Tab_runUpdates;
    public static String Tab_runSize;
    public static String Tab_runFiles;
    public static String Tab_runMessage;
    public static String Tab_sizeChange;
    public static String Tab_files;
    public static String Tab_logCut;
    public static String Tab_logUnreadable;
    public static String Outcome_applied;
    public static String Outcome_failed;
    public static String Outcome_notSupported;
    public static String Outcome_skipped;
    public static String Wizard_title;
    public static String Wizard_image;
    public static String Choose_title;
    public static String Choose_intro;
    public static String Choose_filter;
    public static String Choose_filterHint;
    public static String Choose_architecture;
    public static String Choose_all;
    public static String Choose_architectureColumn;
    public static String Choose_article;
    public static String Choose_updateTitle;
    public static String Choose_classification;
    public static String Choose_type;
    public static String Choose_released;
    public static String Choose_selectAll;
    public static String Choose_clearAll;
    public static String Choose_count;
    public static String Choose_reading;
    public static String Choose_readJob;
    public static String Choose_none;
    public static String Schedule_title;
    public static String Schedule_when;
    public static String Schedule_now;
    public static String Schedule_once;
    public static String Schedule_monthly;
    public static String Schedule_plus;
    public static String Schedule_daysAt;
    public static String Schedule_options;
    public static String Schedule_continueOnError;
    public static String Schedule_updateDps;
    public static String Schedule_dpsNotAvailable;
    public static String Schedule_dpsStored;
    public static String Schedule_optimize;
    public static String Schedule_optimizeRefused;
    public static String Schedule_readingImage;
    public static String Schedule_imageUnreadable;
    public static String Schedule_onceInPast;
    public static String Summary_title;
    public static String Summary_description;
    public static String Summary_updates;
    public static String Summary_now;
    public static String Summary_schedule;
    public static String Summary_continueOnError;
    public static String Summary_updateDps;
    public static String Summary_notAvailableYet;
    public static String Summary_optimize;
    public static String Progress_servicing;
    public static String Progress_saving;
    public static String Progress_title;
    public static String Progress_description;
    public static String Progress_starting;
    public static String Progress_cancelRun;
    public static String Progress_cancelling;
    public static String Progress_notStarted;
    public static String Completion_title;
    public static String Completion_successful;
    public static String Completion_notSuccessful;
    public static String Completion_run;
    public static String Completion_size;
    public static String Completion_log;
    public static String Completion_scheduled;
    public static String Completion_scheduledTitle;
    public static String Completion_dpsNotAvailable;
    public static String Drive_description;
    public static String Drive_automatic;
    public static String Drive_folder;
    public static String Drive_browse;
    public static String Drive_browseMessage;
    public static String Drive_effective;
    public static String Drive_free;
    public static String Drive_reading;
    public static String Drive_missing;
    public static String Drive_relative;
    public static String Drive_readJob;
    public static String Drive_saveJob;
    public static String Drive_notRunning;
    public static String Services_driveNotRunning;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
