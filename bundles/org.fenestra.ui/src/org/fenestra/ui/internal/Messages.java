package org.fenestra.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The workbench's texts, from {@code messages.properties} beside this class (translatable as Eclipse's are). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.fenestra.ui.internal.messages";

    public static String Fenestra;
    public static String Services_catalogNotRunning;
    public static String Services_importerNotRunning;
    public static String Column_name;
    public static String Column_version;
    public static String Column_osVersion;
    public static String Column_architecture;
    public static String Column_language;
    public static String Column_size;
    public static String Column_imageIndex;
    public static String Column_scheduledUpdatesDate;
    public static String Column_scheduledUpdatesStatus;
    public static String Column_dateAdded;
    public static String OsImagesView_filterHint;
    public static String OsImagesView_count;
    public static String ImagesLoadJob_name;
    public static String ImagesLoadJob_failed;
    public static String Action_add;
    public static String Action_addTooltip;
    public static String Action_refresh;
    public static String Action_refreshTooltip;
    public static String Action_delete;
    public static String Action_deleteTooltip;
    public static String Action_properties;
    public static String Action_propertiesTooltip;
    public static String Action_cannotRun;
    public static String Action_failed;
    public static String Delete_title;
    public static String Delete_question;
    public static String Delete_job;
    public static String Delete_failed;
    public static String Details_summaryTab;
    public static String Details_name;
    public static String Details_id;
    public static String Details_noServicing;
    public static String Details_nothingSelected;
    public static String Details_manySelected;
    public static String Properties_title;
    public static String Properties_tabFailed;
    public static String General_loading;
    public static String General_loadJob;
    public static String General_cannotRead;
    public static String General_imageId;
    public static String General_name;
    public static String General_version;
    public static String General_comment;
    public static String General_imageGroup;
    public static String General_osVersion;
    public static String General_edition;
    public static String General_architecture;
    public static String General_language;
    public static String General_imageIndex;
    public static String General_size;
    public static String General_bytes;
    public static String General_contentVersion;
    public static String General_sourceGroup;
    public static String General_importedFrom;
    public static String General_storedImage;
    public static String General_dateAdded;
    public static String General_licenseAcceptedBy;
    public static String General_nameRequired;
    public static String General_pageTitle;
    public static String General_pageDescription;
    public static String General_needsName;
    public static String General_nameTaken;
    public static String General_nameCheckJob;
    public static String AddImageWizard_title;
    public static String DataSource_title;
    public static String DataSource_description;
    public static String DataSource_path;
    public static String DataSource_pathHint;
    public static String DataSource_browse;
    public static String DataSource_acceptEula;
    public static String DataSource_licenseLink;
    public static String DataSource_licenseNeedsFile;
    public static String DataSource_extract;
    public static String DataSource_imageIndex;
    public static String DataSource_architecture;
    public static String DataSource_language;
    public static String DataSource_readJob;
    public static String DataSource_specifyPath;
    public static String DataSource_notReadable;
    public static String DataSource_pressEnter;
    public static String DataSource_reading;
    public static String DataSource_acceptToAdd;
    public static String DataSource_chooseArchitecture;
    public static String Summary_title;
    public static String Summary_description;
    public static String Summary_cancelled;
    public static String License_title;
    public static String License_reading;
    public static String License_job;
    public static String License_none;
    public static String License_failed;
    public static String Menu_file;
    public static String Menu_window;
    public static String Menu_help;
    public static String Menu_preferences;
    public static String Menu_about;
    public static String Menu_logs;
    public static String Preferences_siteDescription;
    public static String Preferences_catalog;
    public static String Preferences_dataFolder;
    public static String Preferences_logFolder;
    public static String Preferences_siteNote;
    public static String About_title;
    public static String About_product;
    public static String About_runtime;
    public static String About_description;
    public static String About_bundles;
    public static String About_bundleName;
    public static String About_bundleVersion;
    public static String About_bundleState;
    public static String About_stateActive;
    public static String About_stateResolved;
    public static String About_stateStarting;
    public static String About_stateInstalled;
    public static String Logs_job;
    public static String Logs_refreshTooltip;
    public static String Logs_empty;
    public static String Logs_noFolder;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
