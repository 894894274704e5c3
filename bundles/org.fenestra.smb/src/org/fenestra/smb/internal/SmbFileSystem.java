package org.fenestra.smb.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.fenestra.smb.UncPath;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;

/**
 * One connected share seen as a {@link FileSystem}: one SMB client, connection, session and
 * tree connect, all closed by {@link #close()}. Path strings take {@code \} or {@code /};
 * a UNC string of the same server and share is an absolute path.
 */
final class SmbFileSystem extends FileSystem {
    private final SmbFileSystemProvider provider;
    private final String server;
    private final String shareName;
    private final SMBClient client;
    private final Connection connection;
    private final Session session;
    private final DiskShare share;
    private volatile boolean open = true;

    SmbFileSystem(SmbFileSystemProvider provider, String server, String shareName, SMBClient client,
            Connection connection, Session session, DiskShare share) {
        this.provider = provider;
        this.server = server;
        this.shareName = shareName;
        this.client = client;
        this.connection = connection;
        this.session = session;
        this.share = share;
    }

    String server() {
        return server;
    }

    String share() {
        return shareName;
    }

    DiskShare diskShare() throws IOException {
        if (!open) {
            throw new java.nio.file.ClosedFileSystemException();
        }
        return share;
    }

    /** The largest SMB2 READ the server accepts on this session. */
    int maxRead() {
        return Math.max(4096, connection.getNegotiatedProtocol().getMaxReadSize());
    }

    /** {@code \\server\share\}, the prefix of every absolute path's string. */
    String rootName() {
        return "\\\\" + server + "\\" + shareName + "\\";
    }

    @Override
    public SmbFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            share.close();
            session.close();
            connection.close();
        } finally {
            client.close();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "\\";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new SmbPath(this, true, List.of()));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(new SmbFileStore(this));
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public SmbPath getPath(String first, String... more) {
        String joined = more.length == 0 ? first : first + "\\" + String.join("\\", more);
        if (UncPath.isUnc(joined)) {
            UncPath unc;
            try {
                unc = UncPath.parse(joined);
            } catch (IllegalArgumentException e) {
                throw new InvalidPathException(joined, e.getMessage());
            }
            if (!unc.server().equalsIgnoreCase(server) || !unc.share().equalsIgnoreCase(shareName)) {
                throw new InvalidPathException(joined, "not on " + rootName());
            }
            return new SmbPath(this, true, unc.names());
        }
        boolean absolute = !joined.isEmpty() && (joined.charAt(0) == '\\' || joined.charAt(0) == '/');
        List<String> names = new ArrayList<>();
        for (String name : joined.split("[\\\\/]+")) {
            if (!name.isEmpty()) {
                checkName(joined, name);
                names.add(name);
            }
        }
        return new SmbPath(this, absolute, names);
    }

    /** Characters Windows servers refuse in names; caught here rather than as an odd server error. */
    private static void checkName(String path, String name) {
        for (char c : name.toCharArray()) {
            if (c < 32 || "<>:\"|?*".indexOf(c) >= 0) {
                throw new InvalidPathException(path, "character '" + c + "' is not allowed in an SMB name");
            }
        }
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("syntax:pattern expected: " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax) {
            case "regex" -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
            case "glob" -> Pattern.compile(globToRegex(pattern), Pattern.CASE_INSENSITIVE);
            default -> throw new UnsupportedOperationException("syntax " + syntax);
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^\\\\]*");
                case '?' -> regex.append("[^\\\\]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("no principal lookup on SMB shares");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("SMB shares cannot be watched");
    }

    @Override
    public String toString() {
        return rootName();
    }
}
