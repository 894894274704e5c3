package org.fenestra.wim.internal.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimStream;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.ReparseData;
import org.fenestra.wim.internal.format.WimTime;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;

/**
 * Writes image entries to a directory: directories, regular files (hard links as hard links),
 * symbolic links and junctions as symbolic links, timestamps, and where possible named
 * streams and security descriptors as user extended attributes. Nothing is written outside
 * the target directory.
 */
public final class ImageExtractor {
    private static final Logger LOG = System.getLogger(ImageExtractor.class.getName());
    private static final int MAX_XATTR_BYTES = 64 * 1024;
    private static final String ADS_PREFIX = "wim.ads.";
    private static final String SD_ATTRIBUTE = "wim.ntsd";

    private final WimImage image;
    private final ExtractOptions options;
    private final WimProgress progress;
    private final ExtractTally report = new ExtractTally();
    private final ExtractionNames names = new ExtractionNames();

    /** An entry and where it goes. */
    private record Planned(WimEntry entry, Path target) {
    }

    private final List<Planned> plan = new ArrayList<>();
    private boolean xattrUnsupportedReported;

    public ImageExtractor(WimImage image, ExtractOptions options, WimProgress progress) {
        this.image = image;
        this.options = options;
        this.progress = progress;
    }

    /** Extracts the whole image ({@code paths} empty) or the given image paths into {@code targetDir}. */
    public ExtractReport extract(List<String> paths, Path targetDir) throws IOException {
        Path target = targetDir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        boolean fullImage = paths.isEmpty();
        if (fullImage) {
            WimEntry root = image.root();
            if (root != null) {
                planTree(root, target, true);
            }
        } else {
            for (String p : paths) {
                WimEntry e = image.lookup(p);
                if (e == null) {
                    throw new PathNotFoundException("\"" + p + "\" does not exist in image " + image.index() + " of \""
                            + image.wim().fileName() + "\"");
                }
                Path dest = target;
                if (options.preserveDirStructure() && !e.fullPath().equals("/")) {
                    dest = planParents(e, target);
                }
                planTree(e, dest, e.fullPath().equals("/"));
            }
        }
        String fixRoot = fullImage && options.rpfix() && image.rpFix() ? target.toString() : null;
        long total = 0; // as wimlib counts it: each file's data once, not again for its hard links
        java.util.Set<Object> files = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Planned p : plan) {
            WimStream s = p.entry().mainStream();
            if (s != null && files.add(p.entry().fileKey())) {
                total += s.size();
            }
        }
        long directories = plan.stream().filter(p -> isPlainDirectory(p.entry())).count();
        progress.beginTask("Extracting image " + image.index(), total);
        try {
            checkDataPresent();
            progress.activity(WimActivity.CREATE_FILES, null);
            FileCount created = new FileCount(directories + emptyFiles());
            createDirectories(created);
            writeFiles(created);
            createSymlinks(fixRoot);
            writeAttributes();
            progress.activity(WimActivity.APPLY_METADATA, null);
            setTimes(new FileCount(directories));
        } finally {
            progress.done();
        }
        return report.report();
    }

    /** Plans the directories above {@code e} (for --preserve-dir-structure) and returns the parent's target. */
    private Path planParents(WimEntry e, Path target) {
        String[] parts = e.fullPath().substring(1).split("/");
        Path dir = target;
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
        }
        return dir;
    }

    /** Plans {@code from} and its subtree; {@code asRoot}: its contents go directly into {@code dir}. */
    private void planTree(WimEntry from, Path dir, boolean asRoot) throws IOException {
        record Work(WimEntry entry, Path parentDir, boolean root) {
        }
        List<Work> stack = new ArrayList<>();
        stack.add(new Work(from, dir, asRoot));
        while (!stack.isEmpty()) {
            WimProgress.checkCanceled(progress);
            Work w = stack.remove(stack.size() - 1);
            Path target;
            if (w.root()) {
                target = w.parentDir();
            } else {
                String name = names.nameFor(w.entry().name(), options.replaceInvalidNames());
                if (name == null) {
                    report.skip("\"" + w.entry().fullPath() + "\": invalid file name on this platform; not extracted");
                    continue;
                }
                if (!name.equals(w.entry().name())) {
                    report.warn("\"" + w.entry().fullPath() + "\": invalid file name; extracted as \"" + name + "\"");
                }
                target = ExtractionNames.child(w.parentDir(), name);
                if (target == null) {
                    report.skip("\"" + w.entry().fullPath() + "\": name does not resolve inside the target; not extracted");
                    continue;
                }
            }
            plan.add(new Planned(w.entry(), target));
            if (w.entry().isDirectory() && !w.entry().isReparsePoint()) {
                List<WimEntry> kids = w.entry().children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.add(new Work(kids.get(i), target, false));
                }
            }
        }
    }

    /** Fails before writing anything if file data is missing (as wimlib does). */
    private void checkDataPresent() throws IOException {
        for (Planned p : plan) {
            for (WimStream s : p.entry().streams()) {
                image.blobOf(s, p.entry().fullPath());
            }
        }
    }

    /**
     * Counts the files a phase handles, for {@link WimProgress#activityWork}: at its start, every
     * 500 files (as wimlib reports them) and at its end.
     */
    private final class FileCount {
        private final long total;
        private long done;

        FileCount(long total) {
            this.total = total;
            progress.activityWork(0, total);
        }

        void one() {
            if (++done % 500 == 0 && done < total) {
                progress.activityWork(done, total);
            }
        }

        void end() {
            progress.activityWork(total, total);
        }
    }

    /** Regular files without data, each counted once (not again for its hard links). */
    private long emptyFiles() {
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        long n = 0;
        for (Planned p : plan) {
            WimEntry e = p.entry();
            if (isRegularFile(e) && seen.add(e.fileKey()) && (e.mainStream() == null || e.mainStream().size() == 0)) {
                n++;
            }
        }
        return n;
    }

    private void createDirectories(FileCount created) throws IOException {
        for (Planned p : plan) {
            Path parent = p.target().getParent();
            if (options.preserveDirStructure() && parent != null && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(parent); // the directories above a path extracted with its structure
            }
            if (isPlainDirectory(p.entry())) {
                if (!Files.isDirectory(p.target(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p.target());
                    Files.createDirectories(p.target());
                }
                report.directory();
                created.one();
            }
        }
    }

    private static boolean isPlainDirectory(WimEntry e) {
        return e.isDirectory() && !e.isReparsePoint();
    }

    private static boolean isRegularFile(WimEntry e) {
        return !e.isDirectory() && !e.isReparsePoint();
    }

    /** A further name of a file already written. */
    private record Link(Path existing, Path name) {
    }

    /** Writes each file's data once; further names of a file become hard links. */
    private void writeFiles(FileCount created) throws IOException {
        Map<Object, Path> firstName = new IdentityHashMap<>();
        Map<WimBlob, List<Path>> targetsByBlob = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (Planned p : plan) {
            WimEntry e = p.entry();
            if (!isRegularFile(e)) {
                continue;
            }
            Path existing = firstName.putIfAbsent(e.fileKey(), p.target());
            if (existing != null) {
                links.add(new Link(existing, p.target()));
                continue;
            }
            WimBlob blob = image.blobOf(e.mainStream(), e.fullPath());
            if (blob == null) {
                openReplacing(p.target()).close();
                created.one();
            } else {
                targetsByBlob.computeIfAbsent(blob, b -> new ArrayList<>()).add(p.target());
            }
            report.file();
        }
        created.end();
        progress.activity(WimActivity.EXTRACT_DATA, null);
        image.readBlobs(new ArrayList<>(targetsByBlob.keySet()), new FileWritingSink(targetsByBlob), progress);
        for (Link l : links) {
            Files.deleteIfExists(l.name());
            try {
                Files.createLink(l.name(), l.existing());
                report.hardLink();
            } catch (UnsupportedOperationException | IOException ex) {
                Files.copy(l.existing(), l.name(), StandardCopyOption.REPLACE_EXISTING);
                report.warn("\"" + l.name() + "\": hard link not supported here (" + ex.getMessage() + "); copied");
            }
        }
    }

    /**
     * Opens a file for writing, replacing what is there. Never follows a symlink already at
     * the target (that could write outside the target directory): such an entry, or any
     * other that cannot be opened as a file, is deleted first. Not deleting up front saves
     * a system call per file on the usual empty target.
     */
    private static OutputStream openReplacing(Path target) throws IOException {
        try {
            return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Streams a blob into its first target file, then copies it to the others. A blob whose data
     * is corrupted or cannot be read leaves no file behind, or with {@link ExtractOptions#recoverData()}
     * is written anyway (unreadable parts as zeros) and reported as damaged.
     */
    private final class FileWritingSink implements BlobDataSink {
        private final Map<WimBlob, List<Path>> targets;
        private OutputStream out;
        private WimBlob writing;

        FileWritingSink(Map<WimBlob, List<Path>> targets) {
            this.targets = targets;
        }

        @Override
        public void begin(WimBlob blob) throws IOException {
            out = openReplacing(targets.get(blob).get(0));
            writing = blob;
        }

        @Override
        public void data(WimBlob blob, byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void end(WimBlob blob) throws IOException {
            closeFile();
            copyToOtherTargets(blob);
        }

        @Override
        public void corrupted(WimBlob blob, BlobHashMismatchException error) throws IOException {
            closeFile();
            if (!options.recoverData()) {
                Files.deleteIfExists(targets.get(blob).get(0));
                throw new BlobHashMismatchException("\"" + imagePathOf(blob) + "\": file data is corrupted: "
                        + error.getMessage(), error);
            }
            report.damaged(imagePathOf(blob), error);
            copyToOtherTargets(blob);
        }

        @Override
        public void failed(List<WimBlob> affected, WimFormatException error) throws IOException {
            WimBlob partial = writing;
            closeFile();
            if (!options.recoverData()) {
                if (partial != null) {
                    Files.deleteIfExists(targets.get(partial).get(0));
                }
                throw error;
            }
            for (WimBlob blob : affected) {
                zeroFillTo(targets.get(blob).get(0), blob.size(), blob.equals(partial));
                report.damaged(imagePathOf(blob), error);
                copyToOtherTargets(blob);
            }
        }

        private void closeFile() throws IOException {
            writing = null;
            if (out != null) {
                OutputStream o = out;
                out = null;
                o.close();
            }
        }

        private void copyToOtherTargets(WimBlob blob) throws IOException {
            List<Path> t = targets.get(blob);
            for (int i = 1; i < t.size(); i++) {
                Files.copy(t.get(0), t.get(i), StandardCopyOption.REPLACE_EXISTING);
                progress.worked(blob.size());
            }
        }
    }

    /** Extends (or creates, when not {@code begun}) a file with zeros up to {@code size} bytes. */
    private static void zeroFillTo(Path file, long size, boolean begun) throws IOException {
        if (!begun) {
            openReplacing(file).close();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() < size) {
                ch.write(ByteBuffer.allocate(1), size - 1); // a hole up to the last byte reads as zeros
            }
        }
    }

    /** The image path of the first planned entry whose data is {@code blob}, for messages. */
    private String imagePathOf(WimBlob blob) throws MissingBlobException {
        for (Planned p : plan) {
            for (WimStream s : p.entry().streams()) {
                if (blob.equals(image.blobOf(s, p.entry().fullPath()))) {
                    return s.named() ? p.entry().fullPath() + ":" + s.name() : p.entry().fullPath();
                }
            }
        }
        return "(blob " + HexFormat.of().formatHex(blob.hash()) + ")";
    }

    private void createSymlinks(String fixRoot) throws IOException {
        List<WimBlob> blobs = new ArrayList<>();
        List<Planned> links = new ArrayList<>();
        for (Planned p : plan) {
            if (p.entry().isReparsePoint()) {
                if (!ReparseData.isLink(p.entry().reparseTag())) {
                    report.skip("\"" + p.entry().fullPath() + "\": reparse point with tag 0x"
                            + Long.toHexString(p.entry().reparseTag()) + " is not supported on this platform");
                    continue;
                }
                links.add(p);
                WimBlob b = image.blobOf(p.entry().mainStream(), p.entry().fullPath());
                if (b != null) {
                    blobs.add(b);
                }
            }
        }
        Map<WimBlob, byte[]> data = readSmallBlobs(blobs);
        for (Planned p : links) {
            WimEntry e = p.entry();
            WimBlob b = image.blobOf(e.mainStream(), e.fullPath());
            byte[] rp = b == null ? new byte[0] : data.get(b);
            if (rp == null) { // unreadable, and recovering data
                report.skip("\"" + e.fullPath() + "\": reparse data could not be read; link not created");
                continue;
            }
            ReparseData link = ReparseData.parseLink(e.reparseTag(), rp, "\"" + e.fullPath() + "\"");
            String target = link.unixTarget(e.reparseTargetNotFixed(), fixRoot);
            Files.deleteIfExists(p.target());
            try {
                SymbolicLinks.create(p.target(), target);
                report.symlink();
            } catch (UnsupportedOperationException | FileAlreadyExistsException ex) {
                report.skip("\"" + e.fullPath() + "\": cannot create symbolic link: " + ex.getMessage());
            }
        }
    }

    /** Reads blobs that must be held in memory (reparse data, streams stored as xattrs). */
    private Map<WimBlob, byte[]> readSmallBlobs(List<WimBlob> blobs) throws IOException {
        Map<WimBlob, byte[]> out = new HashMap<>();
        List<WimBlob> small = new ArrayList<>();
        for (WimBlob b : blobs) {
            if (b.size() <= MAX_XATTR_BYTES) {
                small.add(b);
            }
        }
        image.readBlobs(small, new BlobDataSink() {
            private ByteBuffer buf;

            @Override
            public void begin(WimBlob blob) {
                buf = ByteBuffer.allocate((int) blob.size());
            }

            @Override
            public void data(WimBlob blob, byte[] b, int off, int len) {
                buf.put(b, off, len);
            }

            @Override
            public void end(WimBlob blob) {
                out.put(blob, buf.array());
            }

            @Override
            public void corrupted(WimBlob blob, BlobHashMismatchException error) throws IOException {
                if (!options.recoverData()) {
                    throw new BlobHashMismatchException("\"" + imagePathOf(blob) + "\": data is corrupted: "
                            + error.getMessage(), error);
                }
                report.damaged(imagePathOf(blob), error);
                out.put(blob, buf.array());
            }

            @Override
            public void failed(List<WimBlob> affected, WimFormatException error) throws IOException {
                if (!options.recoverData()) {
                    throw error;
                }
                for (WimBlob blob : affected) {
                    report.damaged(imagePathOf(blob), error);
                }
            }
        }, WimProgress.NONE);
        return out;
    }

    /** Named data streams and security descriptors as user extended attributes. */
    private void writeAttributes() throws IOException {
        if (!options.xattrs()) {
            return;
        }
        List<WimBlob> blobs = new ArrayList<>();
        for (Planned p : plan) {
            if (p.entry().isReparsePoint()) {
                continue;
            }
            for (WimStream s : p.entry().streams()) {
                if (s.named()) {
                    WimBlob b = image.blobOf(s, p.entry().fullPath());
                    if (b != null) {
                        blobs.add(b);
                    }
                }
            }
        }
        Map<WimBlob, byte[]> data = readSmallBlobs(blobs);
        for (Planned p : plan) {
            WimEntry e = p.entry();
            if (e.isReparsePoint()) {
                continue;
            }
            byte[] sd = e.securityDescriptor();
            if (sd != null) {
                setXattr(p.target(), SD_ATTRIBUTE, sd, e);
            }
            for (WimStream s : e.streams()) {
                if (!s.named()) {
                    continue;
                }
                WimBlob b = image.blobOf(s, e.fullPath());
                byte[] v = b == null ? new byte[0] : data.get(b);
                if (v == null && s.size() <= MAX_XATTR_BYTES) { // unreadable, and recovering data
                    report.skip("\"" + e.fullPath() + ":" + s.name() + "\": named stream could not be read");
                    continue;
                }
                if (v == null) {
                    report.skip("\"" + e.fullPath() + ":" + s.name() + "\": named stream of " + s.size()
                            + " bytes is too large for an extended attribute");
                    continue;
                }
                setXattr(p.target(), ADS_PREFIX + s.name(), v, e);
            }
        }
    }

    private void setXattr(Path file, String name, byte[] value, WimEntry e) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        try {
            if (view == null) {
                throw new UnsupportedOperationException("no user extended attributes on this file system");
            }
            view.write(name, ByteBuffer.wrap(value));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            if (!xattrUnsupportedReported) {
                xattrUnsupportedReported = true;
                report.warn("extended attributes cannot be written (first: \"" + e.fullPath() + "\" " + name + ": "
                        + ex.getMessage() + "); named streams and security descriptors were not stored");
            }
        }
    }

    /** Sets timestamps, directories last and deepest first so children do not disturb them. */
    private void setTimes(FileCount directories) {
        for (int i = plan.size() - 1; i >= 0; i--) {
            Planned p = plan.get(i);
            WimEntry e = p.entry();
            if (isPlainDirectory(e)) {
                directories.one();
            }
            try {
                BasicFileAttributeView v = Files.getFileAttributeView(p.target(), BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                v.setTimes(WimTime.toFileTime(e.lastWriteTime()), WimTime.toFileTime(e.lastAccessTime()),
                        WimTime.toFileTime(e.creationTime()));
            } catch (IOException | UnsupportedOperationException ex) {
                LOG.log(Level.DEBUG, "cannot set times of {0}: {1}", p.target(), ex.getMessage());
            }
        }
        directories.end();
    }
}
