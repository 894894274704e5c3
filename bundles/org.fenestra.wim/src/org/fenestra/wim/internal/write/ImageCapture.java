package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.ReparseData;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;

/**
 * Builds an image tree from a directory tree on a UNIX file system, recording what wimlib's
 * UNIX capture records (without {@code --unix-data}):
 * <ul>
 * <li>directories: FILE_ATTRIBUTE_DIRECTORY; regular files: FILE_ATTRIBUTE_NORMAL and their
 * data (read later, while the WIM is written); other file types are skipped;</li>
 * <li>times: creation and last write time from mtime, last access from atime, as FILETIMEs
 * with 100 ns resolution;</li>
 * <li>hard links (same device and inode number) become one file with several names;
 * directories are never joined;</li>
 * <li>symbolic links become IO_REPARSE_TAG_SYMLINK reparse points (attributes REPARSE_POINT,
 * plus DIRECTORY when the target is a directory): see {@link #symlinkReparseData}; with
 * reparse point fix-ups an absolute target inside the captured tree is rewritten relative to
 * the capture root and the NOT_FIXED flag cleared;</li>
 * <li>no security descriptors (security id -1), no short names.</li>
 * </ul>
 */
public final class ImageCapture {
    private static final long TICKS_PER_SECOND = 10_000_000L;
    /**
     * The attributes a scan uses: named, not "unix:*", which also resolves each file's owner and
     * group names (a read of /etc/passwd and /etc/group per file).
     */
    private static final String SCANNED_ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,lastAccessTime,isDirectory,"
            + "isRegularFile,isSymbolicLink";
    private static final long EPOCH_DISTANCE_SECONDS = 11_644_473_600L;
    /** Prefix wimlib gives absolute targets so Windows can resolve them from the NT namespace root. */
    private static final String NT_DRIVE_PREFIX = "\\??\\C:";

    private final ExclusionMatcher exclusions;
    private final boolean rpfix;
    private final WimProgress progress;
    private final Map<FileKey, TreeInode> inodes = new HashMap<>();
    private Path root;
    private FileKey rootKey;
    private long scannedBytes;
    private long scannedFiles;
    private long scannedDirectories;
    private final java.util.Set<TreeInode> countedInodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private record FileKey(Object dev, Object ino) {
    }

    public ImageCapture(CaptureConfig config, boolean rpfix, WimProgress progress) {
        this.exclusions = new ExclusionMatcher(config);
        this.rpfix = rpfix;
        this.progress = progress;
    }

    /** Scans {@code source} (a directory, or a symbolic link to one) into a tree. */
    public TreeDentry scan(Path source) throws IOException {
        root = source;
        Map<String, Object> st = Files.readAttributes(source, SCANNED_ATTRIBUTES);
        if (!Boolean.TRUE.equals(st.get("isDirectory"))) {
            throw new IOException("\"" + source + "\" is not a directory");
        }
        rootKey = new FileKey(st.get("dev"), st.get("ino"));
        progress.activity(WimActivity.SCAN, source.toString());
        TreeDentry top = new TreeDentry("", "", newInode(st));
        top.inode.attributes = TreeInode.FILE_ATTRIBUTE_DIRECTORY;
        counted(top);
        record Pending(Path dir, String rel, TreeDentry dentry) {
        }
        Deque<Pending> work = new ArrayDeque<>();
        work.push(new Pending(source, "", top));
        while (!work.isEmpty()) {
            Pending p = work.pop();
            WimProgress.checkCanceled(progress);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.dir())) {
                for (Path child : ds) {
                    String name = child.getFileName().toString();
                    String rel = p.rel() + "/" + name;
                    if (exclusions.excluded(rel)) {
                        progress.activity(WimActivity.SCAN_EXCLUDED, child.toString());
                        continue;
                    }
                    TreeDentry d = scanOne(child, name);
                    if (d == null) {
                        continue;
                    }
                    counted(d);
                    p.dentry().addChild(d);
                    if (d.inode.linkCount == 1 && d.inode.isDirectory()) {
                        work.push(new Pending(child, rel, d));
                    }
                }
            }
        }
        progress.activity(WimActivity.SCAN_DONE, null);
        return top;
    }

    /** Counts a scanned entry, as wimlib's scan progress does: each name, and each file's data once (not per hard link). */
    private void counted(TreeDentry d) {
        if (d.inode.isDirectory()) {
            scannedDirectories++;
        } else {
            scannedFiles++;
            if (d.inode.data != null && countedInodes.add(d.inode)) {
                scannedBytes += d.inode.data.size();
            }
        }
        progress.scanned(scannedBytes, scannedFiles, scannedDirectories);
    }

    /**
     * Scans {@code source} for {@code update}'s add command: a directory as {@link #scan}, a
     * single file (or symbolic link) as a one-dentry branch.
     */
    public TreeDentry scanBranch(Path source) throws IOException {
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return scan(source);
        }
        root = source.toAbsolutePath().getParent();
        Map<String, Object> st = Files.readAttributes(root, SCANNED_ATTRIBUTES);
        rootKey = new FileKey(st.get("dev"), st.get("ino"));
        TreeDentry d = scanOne(source, source.getFileName().toString());
        if (d == null) {
            throw new IOException("\"" + source + "\": file type is not supported");
        }
        return d;
    }

    private TreeDentry scanOne(Path path, String name) throws IOException {
        Map<String, Object> st = Files.readAttributes(path, SCANNED_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        boolean dir = Boolean.TRUE.equals(st.get("isDirectory"));
        boolean file = Boolean.TRUE.equals(st.get("isRegularFile"));
        boolean link = Boolean.TRUE.equals(st.get("isSymbolicLink"));
        if (!dir && !file && !link) {
            progress.activity(WimActivity.SCAN_UNSUPPORTED, path.toString());
            return null;
        }
        FileKey key = new FileKey(st.get("dev"), st.get("ino"));
        TreeInode existing = dir ? null : inodes.get(key);
        if (existing != null && !existing.isDirectory()) {
            return new TreeDentry(name, "", existing);
        }
        TreeInode inode = newInode(st);
        if (!dir) {
            inodes.put(key, inode);
        }
        if (dir) {
            inode.attributes = TreeInode.FILE_ATTRIBUTE_DIRECTORY;
        } else if (file) {
            inode.attributes = TreeInode.FILE_ATTRIBUTE_NORMAL;
            long size = (Long) st.get("size");
            if (size > 0) {
                inode.data = new OutputBlob(size, null, new FileBlobSource(path, size));
            }
        } else {
            symlink(path, inode);
        }
        return new TreeDentry(name, "", inode);
    }

    private static TreeInode newInode(Map<String, Object> st) {
        TreeInode i = new TreeInode();
        long mtime = filetime((FileTime) st.get("lastModifiedTime"));
        i.creationTime = mtime;
        i.lastWriteTime = mtime;
        i.lastAccessTime = filetime((FileTime) st.get("lastAccessTime"));
        return i;
    }

    /** UNIX time to FILETIME: 100 ns ticks since 1601, sub-tick nanoseconds dropped. */
    static long filetime(FileTime t) {
        java.time.Instant in = t.toInstant();
        return (in.getEpochSecond() + EPOCH_DISTANCE_SECONDS) * TICKS_PER_SECOND + in.getNano() / 100;
    }

    private void symlink(Path path, TreeInode inode) throws IOException {
        String target = Files.readSymbolicLink(path).toString();
        if (target.startsWith("/") && rpfix) {
            String fixed = relativizeToRoot(target);
            if (fixed != null) {
                target = fixed;
                inode.rpFlags &= ~1;
            }
        }
        byte[] rp = symlinkReparseData(target);
        inode.reparse = new OutputBlob(rp.length, Sha1.of(rp), BlobSource.of(rp, "reparse data of \"" + path + "\""));
        inode.reparseTag = ReparseData.TAG_SYMLINK;
        inode.attributes = TreeInode.FILE_ATTRIBUTE_REPARSE_POINT;
        if (Files.isDirectory(path)) {
            inode.attributes |= TreeInode.FILE_ATTRIBUTE_DIRECTORY;
        }
    }

    /**
     * For an absolute target that passes through the capture root (found by comparing device and
     * inode of each successive prefix, as links may lead there), the rest of the target after
     * that prefix, keeping its leading slashes; null when the target lies outside.
     */
    private String relativizeToRoot(String target) {
        int p = 0;
        while (p < target.length()) {
            while (p < target.length() && target.charAt(p) == '/') {
                p++;
            }
            if (p == target.length()) {
                break;
            }
            while (p < target.length() && target.charAt(p) != '/') {
                p++;
            }
            try {
                Map<String, Object> st = Files.readAttributes(Path.of(target.substring(0, p)), "unix:dev,ino");
                if (new FileKey(st.get("dev"), st.get("ino")).equals(rootKey)) {
                    return target.substring(p);
                }
            } catch (IOException | RuntimeException e) {
                return null; // unreadable prefix: treat the link as pointing outside the tree
            }
        }
        return null;
    }

    /**
     * The reparse data (REPARSE_DATA_BUFFER without its 8-byte header, layout in
     * {@link ReparseData}) wimlib stores for a UNIX symlink: '/' and '\' swapped; a relative
     * target gets SYMLINK_FLAG_RELATIVE and is both substitute and print name; an absolute one
     * (or an empty one left by the fix-up) becomes {@code \??\C:target} with print name
     * {@code C:target}. Both names are followed by a null character not counted in their lengths.
     */
    static byte[] symlinkReparseData(String unixTarget) {
        StringBuilder t = new StringBuilder(unixTarget.length());
        for (int i = 0; i < unixTarget.length(); i++) {
            char c = unixTarget.charAt(i);
            t.append(c == '/' ? '\\' : c == '\\' ? '/' : c);
        }
        boolean absolute = t.length() == 0 || t.charAt(0) == '\\';
        String substitute = absolute ? NT_DRIVE_PREFIX + t : t.toString();
        String print = absolute ? substitute.substring(4) : substitute;
        byte[] sub = substitute.getBytes(StandardCharsets.UTF_16LE);
        byte[] pr = print.getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[12 + sub.length + 2 + pr.length + 2];
        LittleEndian.put16(b, 0, 0);
        LittleEndian.put16(b, 2, sub.length);
        LittleEndian.put16(b, 4, sub.length + 2);
        LittleEndian.put16(b, 6, pr.length);
        LittleEndian.put32(b, 8, absolute ? 0 : 1);
        System.arraycopy(sub, 0, b, 12, sub.length);
        System.arraycopy(pr, 0, b, 12 + sub.length + 2, pr.length);
        return b;
    }
}
