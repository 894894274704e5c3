package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands {@code --ref} globs (the file-name part may hold * ? [..]) like the shell's glob(). */
final class RefGlobs {
    private RefGlobs() {
    }

    static List<Path> expand(List<String> globs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String g : globs) {
            Path p = Path.of(g);
            Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
            String pattern = p.getFileName().toString();
            if (!pattern.matches(".*[*?\\[].*")) {
                if (!Files.exists(p)) {
                    throw new NoSuchFileException(g, null, "reference WIM does not exist");
                }
                out.add(p);
                continue;
            }
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, pattern)) {
                for (Path m : ds) {
                    matches.add(p.getParent() == null ? m.getFileName() : m);
                }
            }
            if (matches.isEmpty()) {
                throw new NoSuchFileException(g, null, "glob matched no files");
            }
            matches.sort(null);
            out.addAll(matches);
        }
        return out;
    }
}
