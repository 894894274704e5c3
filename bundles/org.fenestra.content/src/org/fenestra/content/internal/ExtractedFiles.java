package org.fenestra.content.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an extracted image index goes: beside its source, named after it and the index. */
final class ExtractedFiles {

    private ExtractedFiles() {
    }

    /** {@code install.wim}, index 3 → {@code install-index3.wim} in the same folder. */
    static Path targetFor(Path source, int index) {
        return source.resolveSibling(baseName(source) + "-index" + index + ".wim");
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(ExtractedFiles.class.getName()).log(Level.WARNING, "could not delete " + file, e);
        }
    }
}
