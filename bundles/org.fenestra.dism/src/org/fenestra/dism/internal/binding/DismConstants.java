package org.fenestra.dism.internal.binding;

/** DismApi.h's constants and enum values, and the HRESULTs DISM returns that servicing tells apart. */
public final class DismConstants {

    private DismConstants() {
    }

    // DismLogLevel
    public static final int DISM_LOG_ERRORS = 0;
    public static final int DISM_LOG_ERRORS_WARNINGS = 1;
    public static final int DISM_LOG_ERRORS_WARNINGS_INFO = 2;

    // DismImageIdentifier
    public static final int DISM_IMAGE_INDEX = 0;
    public static final int DISM_IMAGE_NAME = 1;

    // DismPackageIdentifier
    public static final int DISM_PACKAGE_NONE = 0;
    public static final int DISM_PACKAGE_NAME = 1;
    public static final int DISM_PACKAGE_PATH = 2;

    // Mount flags
    public static final int DISM_MOUNT_READWRITE = 0x00000000;
    public static final int DISM_MOUNT_READONLY = 0x00000001;
    public static final int DISM_MOUNT_OPTIMIZE = 0x00000002;
    public static final int DISM_MOUNT_CHECK_INTEGRITY = 0x00000004;

    // Unmount flags
    public static final int DISM_COMMIT_IMAGE = 0x00000000;
    public static final int DISM_DISCARD_IMAGE = 0x00000001;

    // Commit flags (also allowed with unmount)
    public static final int DISM_COMMIT_GENERATE_INTEGRITY = 0x00010000;
    public static final int DISM_COMMIT_APPEND = 0x00020000;

    // DismCleanType and flags of the undocumented _DismCleanImage (from public headers that declare it)
    public static final int DISM_CLEAN_COMPONENTS = 4;
    public static final int DISM_CLEAN_FLAG_RESET_BASE = 0x00000001;

    // Success codes
    public static final int S_OK = 0;
    public static final int DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED = 0x00000001;
    /** ERROR_SUCCESS_REBOOT_REQUIRED (3010): done, the image needs a restart to finish. */
    public static final int ERROR_SUCCESS_REBOOT_REQUIRED = 3010;
    /** The same as an HRESULT (HRESULT_FROM_WIN32), which sets the failure bit but still means success. */
    public static final int HRESULT_SUCCESS_REBOOT_REQUIRED = 0x80070BC2;

    // DISMAPI_E_* (DismApi.h)
    public static final int DISMAPI_E_DISMAPI_NOT_INITIALIZED = 0xC0040001;
    public static final int DISMAPI_E_SHUTDOWN_IN_PROGRESS = 0xC0040002;
    public static final int DISMAPI_E_OPEN_SESSION_HANDLES = 0xC0040003;
    public static final int DISMAPI_E_INVALID_DISM_SESSION = 0xC0040004;
    public static final int DISMAPI_E_INVALID_IMAGE_INDEX = 0xC0040005;
    public static final int DISMAPI_E_INVALID_IMAGE_NAME = 0xC0040006;
    public static final int DISMAPI_E_UNABLE_TO_UNMOUNT_IMAGE_PATH = 0xC0040007;
    public static final int DISMAPI_E_LOGGING_DISABLED = 0xC0040009;
    public static final int DISMAPI_E_OPEN_HANDLES_UNABLE_TO_UNMOUNT_IMAGE_PATH = 0xC004000A;
    public static final int DISMAPI_E_OPEN_HANDLES_UNABLE_TO_MOUNT_IMAGE_PATH = 0xC004000B;
    public static final int DISMAPI_E_OPEN_HANDLES_UNABLE_TO_REMOUNT_IMAGE_PATH = 0xC004000C;
    public static final int DISMAPI_E_PARENT_FEATURE_DISABLED = 0xC004000D;
    public static final int DISMAPI_E_MUST_SPECIFY_ONLINE_IMAGE = 0xC004000E;
    public static final int DISMAPI_E_NEEDS_REMOUNT = 0xC1510114;
    public static final int DISMAPI_E_UNKNOWN_FEATURE = 0x800F080C;
    public static final int DISMAPI_E_BUSY = 0x800F0902;

    // CBS (component-based servicing) errors DISM passes through
    public static final int CBS_E_INVALID_PACKAGE = 0x800F0805;
    public static final int CBS_E_NOT_APPLICABLE = 0x800F081E;
    public static final int CBS_E_SOURCE_MISSING = 0x800F081F;
    public static final int CBS_E_NEW_SERVICING_STACK_REQUIRED = 0x800F0823;

    // Win32 errors as HRESULTs
    public static final int E_ACCESSDENIED = 0x80070005;
    public static final int HRESULT_FILE_NOT_FOUND = 0x80070002;
    public static final int HRESULT_PATH_NOT_FOUND = 0x80070003;
    public static final int HRESULT_DISK_FULL = 0x80070070;
    public static final int HRESULT_ELEVATION_REQUIRED = 0x800702E4;
    public static final int HRESULT_CANCELLED = 0x800704C7;
    public static final int HRESULT_REQUEST_ABORTED = 0x800704D3;
    public static final int ERROR_CANCELLED = 1223;
    public static final int ERROR_REQUEST_ABORTED = 1235;
}
