package org.fenestra.servicing.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small Windows-like image servicing tests work on, captured with wimlib-imagex: a hosts file
 * to replace, a log to delete, an installed CBS package's {@code .mum}, a SOFTWARE hive folder.
 */
public final class TestImages {

    public static final String HOSTS = "Windows/System32/drivers/etc/hosts";
    public static final String OLD_LOG = "Windows/Temp/old.log";
    public static final String INSTALLED_MUM = "Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.2361.1.0";

    private TestImages() {
    }

    /** Writes the tree below {@code tree} and captures it into {@code wim} (one image). */
    public static Path windowsImage(Path tree, Path wim) throws IOException, InterruptedException {
        windowsTree(tree);
        Files.createDirectories(wim.getParent());
        return WimTool.capture(tree, wim, "Windows 11 Enterprise");
    }

    /** Writes the image's files below {@code tree} (a test adds its own before capturing). */
    public static Path windowsTree(Path tree) throws IOException {
        write(tree.resolve(HOSTS), "# hosts of the original image\n");
        write(tree.resolve(OLD_LOG), "old log\n".repeat(100));
        write(tree.resolve("Windows/System32/kernel32.dll"), "not really a DLL\n".repeat(500));
        write(tree.resolve("Windows/servicing/Packages/" + INSTALLED_MUM + ".mum"), """
                <?xml version="1.0" encoding="utf-8"?>
                <assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
                  <assemblyIdentity name="Package_for_RollupFix" version="22621.2361.1.0" processorArchitecture="amd64"
                                    language="neutral" publicKeyToken="31bf3856ad364e35"/>
                  <package identifier="KB5030219" releaseType="Security Update"/>
                </assembly>
                """);
        Files.createDirectories(tree.resolve("Program Files"));
        return tree;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
