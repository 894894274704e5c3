package org.fenestra.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.wim.model.WimProgress;

/**
 * A whole folder tree, listed and copied file by file in 1 MiB chunks with progress in bytes and a
 * cancel check per chunk. The source may be on another file system (an SMB share): paths are carried
 * across by their names, never by string.
 */
final class FolderCopy {

    /** The files of a tree (relative paths) and their total size. */
    record Listing(Path root, List<Path> files, List<Path> folders, long bytes) {
    }

    private FolderCopy() {
    }

    static Listing list(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (path.equals(root)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    folders.add(root.relativize(path));
                } else if (Files.isRegularFile(path)) {
                    files.add(root.relativize(path));
                    bytes += Files.size(path);
                }
            }
        }
        return new Listing(root, files, folders, bytes);
    }

    /** Copies every folder and file of {@code listing} below {@code target} (created), each file forced to disk. */
    static void copy(Listing listing, Path target, WimProgress progress) throws IOException {
        Files.createDirectories(target);
        for (Path folder : listing.folders()) {
            Files.createDirectories(resolve(target, folder));
        }
        byte[] buffer = new byte[1 << 20];
        for (Path file : listing.files()) {
            Path to = resolve(target, file);
            progress.subTask(file.toString());
            try (InputStream in = Files.newInputStream(listing.root().resolve(file));
                    OutputStream out = Files.newOutputStream(to)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    WimProgress.checkCanceled(progress);
                    out.write(buffer, 0, n);
                    progress.worked(n);
                }
            }
            try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
    }

    /** {@code relative} (of any file system) below {@code base}, name by name. */
    static Path resolve(Path base, Path relative) {
        Path result = base;
        for (Path name : relative) {
            result = result.resolve(name.toString());
        }
        return result;
    }

    /** Removes a tree; what cannot be removed is left (and logged by the caller's message). */
    static boolean deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return true;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException e) {
            System.getLogger(FolderCopy.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remove " + root + ": " + e.getMessage());
            return false;
        }
    }
}
