package org.fenestra.distribution.internal.dp;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./fenestra dp --port PORT --data DIR [--bind ADDRESS] [--host NAME] [--multicast-interface ADDRESS]}: runs a distribution
 * point until stopped, after printing its URL and certificate fingerprint (and, at first start,
 * the secret the site needs to register it).
 */
public final class DpMain {

    private DpMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Integer port = null;
        Path data = null;
        String bind = "0.0.0.0";
        String host = null;
        String multicastInterface = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                out.println(usage());
                return 0;
            }
            if (i + 1 >= args.length) {
                err.println("dp: " + option + " needs a value\n" + usage());
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> {
                    try {
                        port = Integer.valueOf(value);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        err.println("dp: --port is a number from 0 to 65535 (0: any free port), not " + value);
                        return 2;
                    }
                }
                case "--data" -> data = Path.of(value);
                case "--bind" -> bind = value;
                case "--host" -> host = value;
                case "--multicast-interface" -> multicastInterface = value;
                default -> {
                    err.println("dp: unknown option " + option + "\n" + usage());
                    return 2;
                }
            }
        }
        if (port == null || data == null) {
            err.println("dp: --port and --data are needed\n" + usage());
            return 2;
        }
        if (host == null) {
            host = bind.equals("0.0.0.0") || bind.equals("::") ? DpServer.defaultHostName() : bind;
        }
        DpServer server;
        try {
            server = DpServer.start(data.toAbsolutePath(), bind, port, host, multicastInterface);
        } catch (Exception e) {
            err.println("dp: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("Fenestra distribution point");
        out.println("URL: " + server.url());
        out.println("Certificate SHA-256: " + server.identity().fingerprint());
        if (server.identity().created()) {
            out.println("Site secret: " + server.identity().siteSecret());
        }
        out.println("Register it at the site: fenestra:dp-add NAME " + server.url() + " --fingerprint "
                + server.identity().fingerprint() + " --secret-file " + server.identity().siteSecretFile());
        out.flush();
        DpServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }, "dp-stop"));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String usage() {
        return "usage: fenestra dp --port PORT --data DIR [--bind ADDRESS] [--host NAME] [--multicast-interface ADDRESS]";
    }
}
