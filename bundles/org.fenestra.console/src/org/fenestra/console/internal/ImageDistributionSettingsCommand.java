package org.fenestra.console.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:image-distribution-settings ID [--allow-multicast on|off] [--encrypt on|off]
 * [--only-multicast on|off]}: shows or changes an image's Distribution Settings.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=image-distribution-settings" })
public final class ImageDistributionSettingsCommand extends ConsoleCommand<ImageDistributionSettingsCommand.Options> {

    @Command(name = "fenestra:image-distribution-settings", description = {
            "Shows or changes an image's Distribution Settings: multicast allowed, encrypted, only via multicast.",
            "Only via multicast needs multicast allowed and every deployment of the image downloading content "
                    + "locally (fenestra:deployment-add ... --download-locally)." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;

        @Option(names = "--allow-multicast", paramLabel = "on|off",
                description = "allow DPs to send this image by multicast")
        OnOff allow;

        @Option(names = "--encrypt", paramLabel = "on|off", description = "encrypt its multicast sessions (AES-256-GCM)")
        OnOff encrypt;

        @Option(names = "--only-multicast", paramLabel = "on|off",
                description = "send it only by multicast: clients cannot download it over HTTPS")
        OnOff only;
    }

    /** The values of an on/off option. */
    enum OnOff {
        on, off;

        boolean value() {
            return this == on;
        }
    }

    @Reference
    private MulticastSettings multicast;

    public ImageDistributionSettingsCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        ImageDistributionSettings settings = multicast.imageSettings(options.id);
        if (options.allow != null || options.encrypt != null || options.only != null) {
            if (options.allow != null) {
                settings = settings.withAllowMulticast(options.allow.value());
            }
            if (options.encrypt != null) {
                settings = settings.withEncryptMulticast(options.encrypt.value());
            }
            if (options.only != null) {
                settings = settings.withOnlyMulticast(options.only.value());
            }
            settings = multicast.setImageSettings(settings);
        }
        List<Deployment> deployments = multicast.deployments(options.id);
        return String.join(System.lineSeparator(),
                settings.imageId() + " distribution settings",
                "  Allow multicast:     " + onOff(settings.allowMulticast()),
                "  Encrypt multicast:   " + onOff(settings.encryptMulticast()),
                "  Only via multicast:  " + onOff(settings.onlyMulticast()),
                "  Deployments:         " + (deployments.isEmpty() ? "none" : deployments.stream()
                        .map(d -> d.id() + (d.downloadLocally() ? " (downloads locally)" : " (runs from the DP)"))
                        .collect(Collectors.joining(", "))));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
