package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.fenestra.wim.model.CaptureConfig;

/**
 * The capture configuration of {@code capture} and {@code append}, as wimlib-imagex chooses it:
 * the file {@code --config} names, else wimlib's default Windows exclusions; letters matched
 * regardless of case when the environment's {@code WIMLIB_IMAGEX_IGNORE_CASE} says so.
 */
final class CaptureConfigs {
    static final String IGNORE_CASE_VARIABLE = "WIMLIB_IMAGEX_IGNORE_CASE";

    private CaptureConfigs() {
    }

    static CaptureConfig of(CommandLine cl, Map<String, String> env, PrintStream err) throws IOException {
        String file = cl.option("config", null);
        CaptureConfig config = file != null ? CaptureConfig.read(Path.of(file)) : CaptureConfig.WINDOWS_DEFAULT;
        return config.withIgnoreCase(ignoreCase(env, err));
    }

    /** wimlib-imagex's reading of the variable: yes/1 ignore case, no/0 or unset do not, anything else warns. */
    static boolean ignoreCase(Map<String, String> env, PrintStream err) {
        String v = env.get(IGNORE_CASE_VARIABLE);
        if (v == null || v.equals("no") || v.equals("0")) {
            return false;
        }
        if (v.equals("yes") || v.equals("1")) {
            return true;
        }
        err.print("WARNING: Ignoring unknown setting of " + IGNORE_CASE_VARIABLE + "\n");
        return false;
    }
}
