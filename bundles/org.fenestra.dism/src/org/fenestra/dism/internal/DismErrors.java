package org.fenestra.dism.internal;

import static org.fenestra.dism.internal.binding.DismConstants.*;

import java.util.Map;

import org.fenestra.dism.DismCancelledException;
import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismPackageNotApplicableException;
import org.fenestra.dism.DismServicingStackRequiredException;

/** What DISM's HRESULTs mean: success or failure, the typed exception, a plain-language hint. */
public final class DismErrors {

    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(CBS_E_NOT_APPLICABLE, "The package does not apply to this image: another edition, architecture "
                    + "or Windows release, or a newer update already replaces it"),
            Map.entry(CBS_E_NEW_SERVICING_STACK_REQUIRED, "The image needs a newer servicing stack first: apply the "
                    + "latest servicing stack update (SSU) to the image, then this package"),
            Map.entry(CBS_E_SOURCE_MISSING, "Files the package needs are not in the image or the package: use the "
                    + "complete package (not an express one) for offline servicing"),
            Map.entry(CBS_E_INVALID_PACKAGE, "The file is not a package DISM can use (damaged, or not a CBS .cab/.msu)"),
            Map.entry(DISMAPI_E_BUSY, "The image's servicing is busy with another operation: wait for it and retry"),
            Map.entry(DISMAPI_E_NEEDS_REMOUNT, "The mount was interrupted and must be remounted: clean up mount points "
                    + "and mount the image again"),
            Map.entry(DISMAPI_E_DISMAPI_NOT_INITIALIZED, "DISM was not initialised in this process"),
            Map.entry(DISMAPI_E_SHUTDOWN_IN_PROGRESS, "DISM is shutting down in this process"),
            Map.entry(DISMAPI_E_OPEN_SESSION_HANDLES, "DISM cannot shut down while sessions are still open"),
            Map.entry(DISMAPI_E_INVALID_DISM_SESSION, "The DISM session is no longer valid: open a new one"),
            Map.entry(DISMAPI_E_INVALID_IMAGE_INDEX, "The WIM has no image with this index"),
            Map.entry(DISMAPI_E_INVALID_IMAGE_NAME, "The WIM has no image with this name"),
            Map.entry(DISMAPI_E_UNABLE_TO_UNMOUNT_IMAGE_PATH, "No image DISM mounted is at this path"),
            Map.entry(DISMAPI_E_LOGGING_DISABLED, "DISM cannot write its log file: check the log path and its "
                    + "permissions"),
            Map.entry(DISMAPI_E_OPEN_HANDLES_UNABLE_TO_UNMOUNT_IMAGE_PATH, "Files in the mounted image are still open "
                    + "(a session, Explorer, an antivirus scan): close them, then unmount"),
            Map.entry(DISMAPI_E_OPEN_HANDLES_UNABLE_TO_MOUNT_IMAGE_PATH, "Files in the mount folder are open: use an "
                    + "empty folder nobody has open"),
            Map.entry(DISMAPI_E_OPEN_HANDLES_UNABLE_TO_REMOUNT_IMAGE_PATH, "Files in the mount folder are open: close "
                    + "them, then remount"),
            Map.entry(DISMAPI_E_MUST_SPECIFY_ONLINE_IMAGE, "That path is the running Windows, which offline servicing "
                    + "never touches"),
            Map.entry(E_ACCESSDENIED, "DISM needs administrator rights: run the site server elevated (as an "
                    + "administrator or as SYSTEM)"),
            Map.entry(HRESULT_ELEVATION_REQUIRED, "DISM needs administrator rights: run the site server elevated (as "
                    + "an administrator or as SYSTEM)"),
            Map.entry(HRESULT_FILE_NOT_FOUND, "A file DISM was given does not exist"),
            Map.entry(HRESULT_PATH_NOT_FOUND, "A folder DISM was given does not exist"),
            Map.entry(HRESULT_DISK_FULL, "The disk is full (the mount folder's, the scratch folder's or the WIM's)"),
            Map.entry(HRESULT_CANCELLED, "The operation was cancelled"),
            Map.entry(HRESULT_REQUEST_ABORTED, "The operation was cancelled"),
            Map.entry(ERROR_CANCELLED, "The operation was cancelled"),
            Map.entry(ERROR_REQUEST_ABORTED, "The operation was cancelled"));

    private DismErrors() {
    }

    /** Whether {@code hresult} means the call did its work (S_OK, S_FALSE/reload, reboot required). */
    public static boolean succeeded(int hresult) {
        return hresult >= 0 || hresult == HRESULT_SUCCESS_REBOOT_REQUIRED;
    }

    /** How a successful call ended. */
    public static DismCompletion completion(int hresult) {
        return hresult == ERROR_SUCCESS_REBOOT_REQUIRED || hresult == HRESULT_SUCCESS_REBOOT_REQUIRED
                ? DismCompletion.RESTART_REQUIRED
                : DismCompletion.COMPLETED;
    }

    public static boolean isCancellation(int hresult) {
        return hresult == HRESULT_CANCELLED || hresult == HRESULT_REQUEST_ABORTED || hresult == ERROR_CANCELLED
                || hresult == ERROR_REQUEST_ABORTED;
    }

    /** The plain-language hint for {@code hresult}; {@code null} when there is none beyond DISM's message. */
    public static String hint(int hresult) {
        return HINTS.get(hresult);
    }

    /**
     * The exception for a failed call.
     *
     * @param dismMessage DISM's last error message on the failing thread, or {@code null}
     * @param cancelRequested whether we had signalled the call's cancel event
     */
    public static DismException failure(String function, int hresult, String dismMessage, boolean cancelRequested) {
        String hint = hint(hresult);
        if (isCancellation(hresult) || cancelRequested) {
            return new DismCancelledException(function, hresult, dismMessage,
                    hint != null ? hint : "The operation was cancelled");
        }
        return switch (hresult) {
            case CBS_E_NOT_APPLICABLE -> new DismPackageNotApplicableException(function, hresult, dismMessage, hint);
            case CBS_E_NEW_SERVICING_STACK_REQUIRED ->
                new DismServicingStackRequiredException(function, hresult, dismMessage, hint);
            default -> new DismException(function, hresult, dismMessage, hint);
        };
    }
}
