package org.fenestra.smb.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskEntry;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;

/**
 * {@code java.nio.file} operations on a share, each one or a few SMB2 requests. File systems
 * are made by {@link org.fenestra.smb.SmbShares#open}, not by URI, since every share needs
 * credentials. Renames are server-side SMB2 SET_INFO (FileRenameInformation), which replace
 * the target in one step, so {@link StandardCopyOption#ATOMIC_MOVE} is honoured.
 */
public final class SmbFileSystemProvider extends FileSystemProvider {

    static final SmbFileSystemProvider INSTANCE = new SmbFileSystemProvider();

    private SmbFileSystemProvider() {
    }

    @Override
    public String getScheme() {
        return "smb";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("open shares with org.fenestra.smb.SmbShares.open");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("open shares with org.fenestra.smb.SmbShares.open");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("open shares with org.fenestra.smb.SmbShares.open");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    /**
     * Opens with SMB2 CREATE. {@code attrs} are ignored: the server decides a new file's
     * permissions (its create mask), and {@code Files.createTempFile} passes POSIX ones here
     * whenever the default file system is POSIX.
     */
    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        SmbPath p = SmbPath.cast(path);
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = options.contains(StandardOpenOption.WRITE) || append;
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        Set<AccessMask> access = EnumSet.of(AccessMask.FILE_READ_ATTRIBUTES, AccessMask.SYNCHRONIZE);
        if (read) {
            access.add(AccessMask.GENERIC_READ);
        }
        if (write) {
            access.add(AccessMask.GENERIC_WRITE);
        }
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            access.add(AccessMask.DELETE);
        }
        SMB2CreateDisposition disposition = disposition(options, write);
        String name = p.pathInShare();
        File file = SmbErrors.call(p.toString(), () -> p.getFileSystem().diskShare().openFile(name, access,
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL, disposition,
                EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE)));
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            SmbErrors.call(p.toString(), () -> {
                file.deleteOnClose();
                return null;
            });
        }
        return new SmbFileChannel(file, p.toString(), p.getFileSystem().maxRead(), read, write, append);
    }

    private static SMB2CreateDisposition disposition(Set<? extends OpenOption> options, boolean write) {
        boolean truncate = write && options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (write && options.contains(StandardOpenOption.CREATE_NEW)) {
            return SMB2CreateDisposition.FILE_CREATE;
        }
        if (write && options.contains(StandardOpenOption.CREATE)) {
            return truncate ? SMB2CreateDisposition.FILE_OVERWRITE_IF : SMB2CreateDisposition.FILE_OPEN_IF;
        }
        return truncate ? SMB2CreateDisposition.FILE_OVERWRITE : SMB2CreateDisposition.FILE_OPEN;
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        SmbPath p = SmbPath.cast(dir);
        if (!attributes(p).isDirectory()) {
            throw new NotDirectoryException(p.toString());
        }
        List<Path> entries = new ArrayList<>();
        try {
            for (FileIdBothDirectoryInformation entry : p.getFileSystem().diskShare().list(p.pathInShare())) {
                String name = entry.getFileName();
                if (!name.equals(".") && !name.equals("..")) {
                    Path child = p.resolve(name);
                    if (filter == null || filter.accept(child)) {
                        entries.add(child);
                    }
                }
            }
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, p.toString());
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                // the listing was read in full when the stream was opened
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        SmbPath p = SmbPath.cast(dir);
        try {
            DiskShare share = p.getFileSystem().diskShare();
            if (share.fileExists(p.pathInShare()) || share.folderExists(p.pathInShare())) {
                throw new FileAlreadyExistsException(p.toString());
            }
            share.mkdir(p.pathInShare());
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, p.toString());
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        SmbPath p = SmbPath.cast(path);
        boolean directory = attributes(p).isDirectory();
        try {
            if (directory) {
                p.getFileSystem().diskShare().rmdir(p.pathInShare(), false);
            } else {
                p.getFileSystem().diskShare().rm(p.pathInShare());
            }
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, p.toString());
        }
    }

    /** Copies through this machine (SMB2 server-side copy is not used). */
    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = List.of(options).contains(StandardCopyOption.REPLACE_EXISTING);
        Set<StandardOpenOption> create = replace
                ? EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try (FileChannel in = newFileChannel(source, Set.of(StandardOpenOption.READ));
                FileChannel out = newFileChannel(target, create)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            long at = 0;
            while (in.read(buffer.clear(), at) > 0) {
                buffer.flip();
                at += out.write(buffer, at);
            }
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        SmbPath from = SmbPath.cast(source);
        SmbPath to = SmbPath.cast(target);
        if (from.getFileSystem() != to.getFileSystem()) {
            throw new ProviderMismatchException("a rename stays on one share: " + source + " -> " + target);
        }
        boolean replace = List.of(options).contains(StandardCopyOption.REPLACE_EXISTING);
        try (DiskEntry entry = from.getFileSystem().diskShare().open(from.pathInShare(),
                EnumSet.of(AccessMask.DELETE, AccessMask.FILE_READ_ATTRIBUTES, AccessMask.SYNCHRONIZE), null,
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null)) {
            entry.rename(to.pathInShare(), replace);
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, from + " -> " + to);
        }
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path instanceof SmbPath a && path2 instanceof SmbPath b
                && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return attributes(SmbPath.cast(path)).has(FileAttributes.FILE_ATTRIBUTE_HIDDEN);
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        SmbPath p = SmbPath.cast(path);
        attributes(p);
        return new SmbFileStore(p.getFileSystem());
    }

    /** Existence only: the server decides access when a file is opened. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        attributes(SmbPath.cast(path));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        SmbPath p = SmbPath.cast(path);
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return attributes(p);
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new UnsupportedOperationException("setting times on SMB shares is not supported");
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(SmbAttributes.class)) {
            throw new UnsupportedOperationException("only basic attributes on SMB shares, not " + type.getName());
        }
        return (A) attributes(SmbPath.cast(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String view = attributes.contains(":") ? attributes.substring(0, attributes.indexOf(':')) : "basic";
        if (!view.equals("basic")) {
            throw new UnsupportedOperationException("only basic attributes on SMB shares, not " + view);
        }
        SmbAttributes a = attributes(SmbPath.cast(path));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("lastModifiedTime", a.lastModifiedTime());
        all.put("lastAccessTime", a.lastAccessTime());
        all.put("creationTime", a.creationTime());
        all.put("size", a.size());
        all.put("isRegularFile", a.isRegularFile());
        all.put("isDirectory", a.isDirectory());
        all.put("isSymbolicLink", a.isSymbolicLink());
        all.put("isOther", a.isOther());
        all.put("fileKey", a.fileKey());
        String names = attributes.substring(attributes.indexOf(':') + 1);
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name);
            }
            chosen.put(name, all.get(name));
        }
        return chosen;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("setting attributes on SMB shares is not supported");
    }

    private static SmbAttributes attributes(SmbPath p) throws IOException {
        try {
            return SmbAttributes.of(p.getFileSystem().diskShare().getFileInformation(p.pathInShare()));
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, p.toString());
        }
    }
}
