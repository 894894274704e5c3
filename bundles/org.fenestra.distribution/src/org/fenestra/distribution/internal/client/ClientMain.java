package org.fenestra.distribution.internal.client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fenestra.distribution.internal.ImageDescription;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;

/**
 * {@code ./fenestra client download --dp URL --fingerprint SHA256 --image ID --dest DIR --token T}:
 * downloads an image's files from a DP, resuming an earlier interrupted run, every file's SHA-256
 * checked. With {@code --precache} instead of {@code --image} it downloads the one of the
 * deployment's images (those the token opens) matching the machine's architecture and language
 * ({@link PrecacheChoice}). {@code client receive} (the common options, and
 * {@code --interface ADDRESS}) receives it by multicast instead ({@link ImageReceive}), and with
 * {@code --apply TARGET [--apply-index N]} applies the verified WIM to a folder ({@link ImageApply}). Exit
 * status 0 done, 1 failed (the reason on stderr), 2 wrong usage.
 */
public final class ClientMain {

    private static final List<String> NEEDED = List.of("--dp", "--fingerprint", "--dest", "--token");
    private static final List<String> VALUED = List.of("--dp", "--fingerprint", "--image", "--dest", "--token");
    private static final List<String> PRECACHE_VALUED = List.of("--arch", "--lang");
    /** Options of {@code receive} only, not needed. */
    private static final List<String> RECEIVE_VALUED = List.of("--interface", "--apply", "--apply-index");
    private static final String PRECACHE = "--precache";

    private ClientMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))
                || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(usage());
            return 0;
        }
        boolean receive = args.length > 0 && args[0].equals("receive");
        if (args.length == 0 || !(args[0].equals("download") || receive)) {
            err.println(usage());
            return 2;
        }
        Map<String, String> values = new HashMap<>();
        boolean precache = false;
        for (int i = 1; i < args.length; i++) {
            if (!receive && args[i].equals(PRECACHE)) {
                precache = true;
                continue;
            }
            boolean known = VALUED.contains(args[i]) || !receive && PRECACHE_VALUED.contains(args[i])
                    || receive && RECEIVE_VALUED.contains(args[i]);
            if (!known || i + 1 >= args.length) {
                err.println("client: unknown option or missing value: " + args[i] + "\n" + usage());
                return 2;
            }
            values.put(args[i], args[++i]);
        }
        Optional<String> wrong = usageError(values, precache);
        if (wrong.isPresent()) {
            err.println("client: " + wrong.get() + "\n" + usage());
            return 2;
        }
        try {
            URI dp = URI.create(values.get("--dp"));
            if (receive) {
                Path received = new ImageReceive(dp, values.get("--fingerprint"), values.get("--token"), out)
                        .receive(values.get("--image"), Path.of(values.get("--dest")), values.get("--interface"));
                if (values.containsKey("--apply")) {
                    Integer index = values.containsKey("--apply-index") ? Integer.valueOf(values.get("--apply-index")) : null;
                    new ImageApply(out).apply(received, index, Path.of(values.get("--apply")));
                }
                return 0;
            }
            String image = precache ? precachedImage(dp, values, out) : values.get("--image");
            new ImageDownload(dp, values.get("--fingerprint"), values.get("--token"), out)
                    .download(image, Path.of(values.get("--dest")));
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

    private static Optional<String> usageError(Map<String, String> values, boolean precache) {
        for (String option : NEEDED) {
            if (!values.containsKey(option)) {
                return Optional.of(option + " is needed");
            }
        }
        if (precache && values.containsKey("--image")) {
            return Optional.of("--precache chooses the image itself: leave out --image");
        }
        if (!precache && !values.containsKey("--image")) {
            return Optional.of("--image is needed (or --precache)");
        }
        if (!precache && (values.containsKey("--arch") || values.containsKey("--lang"))) {
            return Optional.of("--arch and --lang go with --precache");
        }
        if (values.containsKey("--apply-index")
                && (!values.containsKey("--apply") || !values.get("--apply-index").matches("[1-9][0-9]{0,4}"))) {
            return Optional.of("--apply-index is an image number (1, 2, ...) and goes with --apply");
        }
        if (values.containsKey("--arch") && PrecacheChoice.normalArchitecture(values.get("--arch")).isEmpty()) {
            return Optional.of("--arch is x64, arm64 or x86, not " + values.get("--arch"));
        }
        if (values.containsKey("--lang") && !values.get("--lang").matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}")) {
            return Optional.of("--lang is a language tag such as en-US, not " + values.get("--lang"));
        }
        return Optional.empty();
    }

    /** The deployment's image for this machine, as the DP lists them for the token. */
    private static String precachedImage(URI dp, Map<String, String> values, PrintStream out) throws IOException {
        String architecture = values.containsKey("--arch") ? PrecacheChoice.normalArchitecture(values.get("--arch")).get()
                : PrecacheChoice.machineArchitecture(System.getProperty("os.arch", ""), System.getenv())
                        .orElseThrow(() -> new IOException("cannot tell this machine's architecture ("
                                + System.getProperty("os.arch") + "): name it with --arch"));
        String language = values.containsKey("--lang") ? values.get("--lang")
                : PrecacheChoice.machineLanguage(Locale.getDefault(Locale.Category.DISPLAY))
                        .orElseThrow(() -> new IOException("cannot tell this machine's language: name it with --lang"));
        List<ImageDescription> images = new DpClient(dp, values.get("--fingerprint"), values.get("--token")).images();
        if (images.isEmpty()) {
            throw new IOException("none of the deployment's images is on " + dp);
        }
        ImageDescription chosen = PrecacheChoice.choose(images, architecture, language)
                .orElseThrow(() -> new IOException("no image of the deployment matches this machine (" + architecture
                        + ", " + language + "); it has: "
                        + images.stream().map(ImageDescription::describe).collect(Collectors.joining(", "))));
        out.println("Pre-cache: " + chosen.describe() + " for this machine (" + architecture + ", " + language + ")");
        return chosen.packageId();
    }

    private static String usage() {
        return "usage: fenestra client download --dp URL --fingerprint SHA256 --image ID --dest DIR --token TOKEN\n"
                + "       fenestra client download --dp URL --fingerprint SHA256 --precache [--arch ARCH] [--lang TAG]"
                + " --dest DIR --token TOKEN\n"
                + "       fenestra client receive --dp URL --fingerprint SHA256 --image ID --dest DIR --token TOKEN"
                + " [--interface ADDRESS] [--apply TARGET [--apply-index N]]\n"
                + "  --precache  download the one of the deployment's images (those the token opens, see\n"
                + "              fenestra:content-token ID...) matching this machine's processor architecture and\n"
                + "              UI language, as Configuration Manager's pre-cache does; an exact language first,\n"
                + "              else the same base language (en-GB takes en-US); none matching is an error\n"
                + "  --arch      x64, arm64 or x86 instead of this machine's (to test or to stage for another)\n"
                + "  --lang      a language tag (de-DE) instead of this machine's display language\n"
                + "  --apply     after the WIM is received and verified, apply its image to the folder TARGET\n"
                + "              (--apply-index N when the WIM holds several images)";
    }
}
