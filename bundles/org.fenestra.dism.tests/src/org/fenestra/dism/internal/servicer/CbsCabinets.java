package org.fenestra.dism.internal.servicer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** CBS-shaped cabinets made with gcab: an {@code update.mum} naming the package and a payload file. */
final class CbsCabinets {

    private CbsCabinets() {
    }

    /** {@code folder/fileName}, a cabinet holding {@code update.mum} (identity {@code Package_for_<article>}) and a payload. */
    static Path cbs(Path folder, String fileName, String article) throws IOException, InterruptedException {
        Path content = Files.createDirectories(folder.resolve("content-" + fileName));
        Files.writeString(content.resolve("update.mum"), mum(article), StandardCharsets.UTF_8);
        Files.write(content.resolve("payload.dll"), ("payload of " + article + "\n").repeat(2000).getBytes(StandardCharsets.US_ASCII));
        return gcab(content, folder.resolve(fileName), List.of("update.mum", "payload.dll"));
    }

    static String mum(String article) {
        return """
                <?xml version="1.0" encoding="utf-8" standalone="yes"?>
                <assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0" description="Fix for %1$s"
                          displayName="default" company="Microsoft Corporation" creationTimeStamp="2026-10-06T19:35:11Z">
                  <assemblyIdentity name="Package_for_%1$s" version="22621.2428.1.4" processorArchitecture="amd64"
                                    language="neutral" publicKeyToken="31bf3856ad364e35"/>
                  <package identifier="%1$s" releaseType="Security Update" restart="possible">
                    <parent buildCompare="EQ" revisionCompare="GE" integrate="separate" disposition="detect">
                      <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="10.0.22621.1"
                                        processorArchitecture="amd64" language="neutral" publicKeyToken="31bf3856ad364e35"/>
                    </parent>
                    <update name="%1$s"><package integrate="hidden"><assemblyIdentity name="%1$s-Update" version="22621.2428.1.4"
                      processorArchitecture="amd64" language="neutral" publicKeyToken="31bf3856ad364e35"/></package></update>
                  </package>
                </assembly>
                """.formatted(article);
    }

    static Path gcab(Path folder, Path cab, List<String> names) throws IOException, InterruptedException {
        Files.createDirectories(cab.getParent());
        List<String> command = new ArrayList<>(List.of("gcab", "-c", "-z", cab.toString()));
        command.addAll(names);
        Process gcab = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(gcab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        gcab.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, gcab.exitValue(), "gcab: " + output);
        return cab;
    }
}
