package org.fenestra.wim.internal.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A directory on disk as a {@link TreeNode} tree (symbolic links are not followed, as capture does not). */
public final class DirectoryTree implements TreeNode {

    private final Path path;

    public DirectoryTree(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    @Override
    public boolean isDirectory() {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<TreeNode> children() throws IOException {
        List<TreeNode> children = new ArrayList<>();
        if (isDirectory()) {
            try (Stream<Path> entries = Files.list(path)) {
                entries.sorted().forEach(p -> children.add(new DirectoryTree(p)));
            }
        }
        return children;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new UnreadableFileException(path + " is " + size + " bytes, more than the " + maxBytes
                    + " read into memory", null);
        }
        return Files.readAllBytes(path);
    }

    @Override
    public String path() {
        return path.toString();
    }
}
