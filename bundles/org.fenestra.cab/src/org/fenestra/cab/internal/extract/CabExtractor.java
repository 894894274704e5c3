package org.fenestra.cab.internal.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.CabProgress;
import org.fenestra.cab.ExtractReport;
import org.fenestra.cab.errors.CabCancelledException;
import org.fenestra.cab.errors.CabException;
import org.fenestra.cab.internal.format.CabFileRecord;
import org.fenestra.cab.internal.format.CabinetLayout;
import org.fenestra.cab.internal.read.CabinetChannel;
import org.fenestra.cab.internal.read.EntryInputStream;
import org.fenestra.cab.internal.read.FolderReader;

/**
 * Writes entries under a target folder. Every name is checked before anything is written; each
 * file is written to a temporary file beside its target and renamed into place when complete, so
 * a failed or cancelled extraction leaves no partial file under a real name. Folders on the way
 * are created one by one and a symbolic link among them is refused, so nothing lands outside the
 * target. Folders (independent compressed streams) are extracted in parallel.
 */
public final class CabExtractor {

    private static final int COPY_BUFFER = 1 << 16;

    private final CabinetChannel channel;
    private final CabinetLayout layout;
    private final CabProgress progress;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();
    private long total;

    public CabExtractor(CabinetChannel channel, CabinetLayout layout, CabProgress progress) {
        this.channel = channel;
        this.layout = layout;
        this.progress = progress == null ? CabProgress.NONE : progress;
    }

    /**
     * Extracts the files with the given indexes into {@code targetDir}; {@code entries} are the
     * public views of all files, index for index.
     */
    public ExtractReport extract(int[] indexes, List<CabEntry> entries, Path targetDir) throws IOException {
        List<CabFileRecord> files = layout.files();
        Path[] targets = new Path[files.size()];
        Files.createDirectories(targetDir);
        Path root = targetDir.toRealPath();
        for (int i : indexes) {
            Path target = root;
            for (String part : SafeNames.relativeParts(channel.name(), files.get(i).name())) {
                target = target.resolve(part);
            }
            targets[i] = target;
            total += files.get(i).size();
        }
        checkCancelled();
        List<List<Integer>> byFolder = new ArrayList<>();
        for (int f = 0; f < layout.folders().size(); f++) {
            byFolder.add(new ArrayList<>());
        }
        for (int i : indexes) {
            byFolder.get(files.get(i).folder()).add(i);
        }
        byFolder.removeIf(List::isEmpty);
        for (List<Integer> group : byFolder) {
            group.sort(Comparator.<Integer>comparingLong(i -> files.get(i).folderOffset()).thenComparingInt(i -> i));
        }
        progress.bytes(0, total);
        runGroups(byFolder, group -> extractFolder(group, root, entries, targets));
        int[] order = indexes.clone();
        Arrays.sort(order);
        Set<Path> written = new LinkedHashSet<>();
        long bytes = 0;
        for (int i : order) {
            written.add(targets[i]);
            bytes += files.get(i).size();
        }
        return new ExtractReport(order.length, bytes, List.copyOf(written));
    }

    private interface GroupWork {
        void run(List<Integer> group) throws IOException;
    }

    private void runGroups(List<List<Integer>> groups, GroupWork work) throws IOException {
        int threads = Math.min(groups.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (List<Integer> group : groups) {
                work.run(group);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cab-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Integer> group : groups) {
                futures.add(pool.submit(() -> {
                    if (!failed.get()) {
                        work.run(group);
                    }
                    return null;
                }));
            }
            IOException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failed.set(true);
                    if (first == null) {
                        first = asIOException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    first = new CabCancelledException(channel.name() + ": extraction interrupted");
                    break;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static IOException asIOException(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    private void extractFolder(List<Integer> group, Path root, List<CabEntry> entries, Path[] targets)
            throws IOException {
        List<CabFileRecord> files = layout.files();
        FolderReader reader = null;
        try {
            for (int i : group) {
                CabFileRecord file = files.get(i);
                if (reader == null || file.folderOffset() < reader.position()) {
                    if (reader != null) {
                        reader.close();
                    }
                    reader = new FolderReader(channel, layout.header(), layout.folders().get(file.folder()));
                }
                progress.entry(entries.get(i), targets[i]);
                writeFile(new EntryInputStream(reader, file, false), root, targets[i], entries.get(i));
            }
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private void writeFile(EntryInputStream in, Path root, Path target, CabEntry entry) throws IOException {
        Path parent = createParents(root, target, entry.name());
        String base = target.getFileName().toString();
        Path temp = parent.resolve("." + base.substring(0, Math.min(base.length(), 200)) + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".cabpart");
        boolean moved = false;
        try {
            byte[] buffer = new byte[COPY_BUFFER];
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                    out.write(buffer, 0, n);
                    progress.bytes(done.addAndGet(n), total);
                    checkCancelled();
                }
            }
            Files.setLastModifiedTime(temp, FileTime.from(entry.modified()));
            if ((entry.attributes() & CabEntry.EXECUTE) != 0) {
                makeExecutable(temp);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void checkCancelled() throws CabCancelledException {
        if (failed.get()) {
            throw new CabCancelledException(channel.name() + ": extraction stopped after an error in another folder");
        }
        if (progress.isCancelled()) {
            throw new CabCancelledException(channel.name() + ": extraction cancelled");
        }
    }

    /** Creates the folders between {@code root} and {@code target}, refusing symbolic links among them. */
    private Path createParents(Path root, Path target, String name) throws IOException {
        Path dir = root;
        Path parent = target.getParent();
        for (Path part : root.relativize(parent)) {
            if (part.toString().isEmpty()) {
                continue;
            }
            dir = dir.resolve(part);
            if (Files.isSymbolicLink(dir)) {
                throw SafeNames.unsafe(channel.name(), name, "leads through the symbolic link " + dir);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        throw new CabException(channel.name() + ": cannot extract " + name + ": " + dir
                                + " exists and is not a folder", e);
                    }
                }
            }
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CabException(channel.name() + ": cannot extract " + name + ": " + target + " is a folder");
        }
        return parent;
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.contains(PosixFilePermission.OWNER_READ)) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if (perms.contains(PosixFilePermission.GROUP_READ)) {
            perms.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        view.setPermissions(perms);
    }
}
