package org.fenestra.updates.ui.internal;

import java.util.Locale;

import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateException;

/** How the updates views write the service's values: one wording for the view and the tabs. */
public final class UpdateTexts {

    private UpdateTexts() {
    }

    /** {@code x86}, {@code x64}, {@code arm64}, {@code neutral}: as admins name them, not as identities do. */
    public static String architecture(UpdateArchitecture architecture) {
        return architecture == UpdateArchitecture.X64 ? "x64" : architecture.name().toLowerCase(Locale.ROOT);
    }

    public static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    public static String offline(OfflineServiceable offline) {
        return switch (offline) {
            case YES -> "Yes";
            case NO -> "No";
            case UNKNOWN -> "Unknown";
        };
    }

    /** An error for the admin: its message and the file it is about, never a stack trace. */
    public static String error(UpdateException error) {
        String message = error.getMessage() == null ? error.reason().name() : error.getMessage();
        return error.file().isEmpty() || message.contains(error.file()) ? message : message + " (" + error.file() + ")";
    }

    /** {@code 1 update}, {@code 2 updates}. */
    public static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
