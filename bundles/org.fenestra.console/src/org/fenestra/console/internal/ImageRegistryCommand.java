package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.content.api.ImageRegistry;
import org.fenestra.registry.Hive;
import org.fenestra.registry.RegFile;
import org.fenestra.registry.RegistryKey;
import org.fenestra.registry.RegistryValue;
import org.fenestra.wim.model.WimProgress;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:image-registry ID [--index N] HIVE KEY}: a key of a hive inside a catalog
 * image, read from its WIM without extracting it: the values as {@code .reg} lines (as
 * {@code ./fenestra hive get HIVE KEY} prints them), then the subkeys' names.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-registry" })
public final class ImageRegistryCommand extends ConsoleCommand<ImageRegistryCommand.Options> {

    @Command(name = "fenestra:image-registry", description = "Shows a registry key inside an OS image (values and subkeys).")
    static final class Options {
        @Parameters(index = "0", paramLabel = "ID", description = "the image's ID, e.g. FEN00001")
        String id;

        @Parameters(index = "1", paramLabel = "HIVE",
                description = "SOFTWARE, SYSTEM, DEFAULT or NTUSER (also SAM, SECURITY, COMPONENTS), or a path in the image")
        String hive;

        @Parameters(index = "2", paramLabel = "KEY", description = "the key's path in the hive, e.g. 'Microsoft\\Windows NT\\CurrentVersion'")
        String key;

        @Option(names = "--index", paramLabel = "N", description = "the index in the stored WIM (default: the image's)")
        int index;
    }

    @Reference
    private ImageRegistry registry;

    public ImageRegistryCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.index < 0) {
            throw new IllegalArgumentException("--index must be 1 or more: " + options.index);
        }
        Hive hive = registry.hive(options.id, options.index, options.hive, WimProgress.NONE);
        String path = options.key.replace('/', '\\');
        while (path.startsWith("\\")) {
            path = path.substring(1);
        }
        String wanted = path;
        RegistryKey key = hive.key(wanted).orElseThrow(() -> new IllegalArgumentException(
                options.hive + " of " + options.id + " has no key \\" + wanted));
        StringBuilder out = new StringBuilder();
        for (RegistryValue value : key.values()) {
            out.append(RegFile.valueLine(value, "\n")).append('\n');
        }
        List<RegistryKey> subkeys = key.subkeys();
        out.append(subkeys.isEmpty() ? "No subkeys." : "Subkeys (" + subkeys.size() + "):");
        for (RegistryKey subkey : subkeys) {
            out.append("\n  ").append(subkey.name());
        }
        return out.toString();
    }
}
