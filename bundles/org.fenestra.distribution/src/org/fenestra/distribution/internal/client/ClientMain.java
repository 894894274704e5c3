package org.fenestra.distribution.internal.client;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.distribution.internal.http.DpException;

/**
 * {@code ./fenestra client download --dp URL --fingerprint SHA256 --image ID --dest DIR --token T}:
 * downloads an image's files from a DP, resuming an earlier interrupted run, every file's SHA-256
 * checked. {@code client receive} (the same options, and {@code --interface ADDRESS}) receives it
 * by multicast instead ({@link ImageReceive}). Exit status 0 done, 1 failed (the reason on
 * stderr), 2 wrong usage.
 */
public final class ClientMain {

    private static final List<String> OPTIONS = List.of("--dp", "--fingerprint", "--image", "--dest", "--token");
    /** Options of {@code receive} only, not needed. */
    private static final List<String> RECEIVE_OPTIONS = List.of("--interface");

    private ClientMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean receive = args.length > 0 && args[0].equals("receive");
        if (args.length == 0 || !(args[0].equals("download") || receive)) {
            err.println(usage());
            return 2;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            boolean known = OPTIONS.contains(args[i]) || receive && RECEIVE_OPTIONS.contains(args[i]);
            if (!known || i + 1 >= args.length) {
                err.println("client: unknown option or missing value: " + args[i] + "\n" + usage());
                return 2;
            }
            values.put(args[i], args[i + 1]);
        }
        for (String option : OPTIONS) {
            if (!values.containsKey(option)) {
                err.println("client: " + option + " is needed\n" + usage());
                return 2;
            }
        }
        try {
            if (receive) {
                new ImageReceive(URI.create(values.get("--dp")), values.get("--fingerprint"), values.get("--token"), out)
                        .receive(values.get("--image"), Path.of(values.get("--dest")), values.get("--interface"));
                return 0;
            }
            new ImageDownload(URI.create(values.get("--dp")), values.get("--fingerprint"), values.get("--token"), out)
                    .download(values.get("--image"), Path.of(values.get("--dest")));
            return 0;
        } catch (DpException e) {
            err.println("client: " + (e.status() == 401 || e.status() == 403 ? "refused by the DP: " : "")
                    + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("client: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static String usage() {
        return "usage: fenestra client download --dp URL --fingerprint SHA256 --image ID --dest DIR --token TOKEN\n"
                + "       fenestra client receive --dp URL --fingerprint SHA256 --image ID --dest DIR --token TOKEN"
                + " [--interface ADDRESS]";
    }
}
