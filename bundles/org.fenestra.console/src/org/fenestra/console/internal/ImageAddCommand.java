package org.fenestra.console.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fenestra:image-add PATH --accept-eula [--index N] [--name NAME] [--version V]
 * [--comment C] [--architecture x86|x64|arm64] [--language ll-CC]}: the Add Operating
 * System Image wizard for scripts. {@code --index} extracts that image into a new WIM beside
 * the source and imports only it. PATH may be UNC, in single quotes
 * ({@code '\\server\share\install.wim'} or {@code '//server/share/install.wim'}): unquoted,
 * Gogo takes a backslash as an escape and {@code //} as the start of a comment.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-add" })
public final class ImageAddCommand extends ConsoleCommand {

    private static final Set<String> VALUED = Set.of("--index", "--name", "--version", "--comment", "--architecture",
            "--language");

    @Reference
    private ImageImporter importer;

    public ImageAddCommand() {
        super("fenestra:image-add PATH|'\\\\server\\share\\path.wim' --accept-eula [--index N] [--name NAME] [--version V] [--comment C]"
                + " [--architecture x86|x64|arm64] [--language ll-CC]", 1, 2 + 2 * VALUED.size());
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        String path = null;
        boolean eula = false;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--accept-eula")) {
                eula = true;
            } else if (VALUED.contains(argument) && i + 1 < arguments.size()) {
                values.put(argument, arguments.get(++i));
            } else if (!argument.startsWith("--") && path == null) {
                path = argument;
            } else {
                throw new IllegalArgumentException("unexpected argument \"" + argument + "\"; usage: " + usage());
            }
        }
        if (path == null) {
            throw new IllegalArgumentException("usage: " + usage());
        }
        int index;
        try {
            index = Integer.parseInt(values.getOrDefault("--index", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--index takes a whole number: " + values.get("--index"));
        }
        ImportRequest request = new ImportRequest(path, eula ? System.getProperty("user.name") : null, index,
                values.get("--name"), values.get("--version"), values.get("--comment"), values.get("--architecture"),
                values.get("--language"));
        OsImageRecord added = importer.importImage(request, new ConsoleProgress(System.out));
        return "Added " + added.id() + " \"" + added.name() + "\" (" + added.storedPath() + ", index "
                + added.imageIndex() + ")";
    }
}
