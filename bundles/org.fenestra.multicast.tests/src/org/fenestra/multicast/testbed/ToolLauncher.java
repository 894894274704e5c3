package org.fenestra.multicast.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.fenestra.multicast.internal.cli.MulticastCommand;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Command lines that run the transport's {@link MulticastCommand} in a fresh JVM (one per
 * namespace). The bundle's classes are copied out of the running bundle, so this works whether
 * the framework loads them from a jar or from target/classes.
 */
public final class ToolLauncher {

    private final Path classes;
    private final String java = ProcessHandle.current().info().command().orElse("java");

    public ToolLauncher(Path directory) throws IOException {
        this.classes = Files.createDirectories(directory.resolve("classes"));
        BundleWiring wiring = FrameworkUtil.getBundle(MulticastCommand.class).adapt(BundleWiring.class);
        Collection<String> resources = wiring.listResources("org/fenestra/multicast", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE);
        for (String resource : resources) {
            Path target = classes.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = wiring.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
        }
        if (!Files.exists(classes.resolve("org/fenestra/multicast/internal/cli/MulticastCommand.class"))) {
            throw new IOException("the multicast classes could not be copied out of the bundle");
        }
    }

    public List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
                classes.toString(), MulticastCommand.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }
}
