package org.fenestra.smb.internal;

import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent.Kind;
import java.nio.file.WatchEvent.Modifier;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path on one share. Absolute paths print as UNC ({@code \\server\share\dir\file}) so they
 * can be stored and opened again; relative ones as {@code dir\file}. Names compare
 * case-insensitively, as on Windows servers.
 */
final class SmbPath implements Path {
    private final SmbFileSystem fs;
    private final boolean absolute;
    private final List<String> names;

    SmbPath(SmbFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    static SmbPath cast(Path path) {
        if (path instanceof SmbPath p) {
            return p;
        }
        throw new ProviderMismatchException("not a path on an SMB share: " + path);
    }

    /** The path inside the share in SMB's form ({@code dir\file}, {@code ""} for the root). */
    String pathInShare() {
        return String.join("\\", toAbsolutePath().names);
    }

    List<String> names() {
        return names;
    }

    @Override
    public SmbFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public SmbPath getRoot() {
        return absolute ? new SmbPath(fs, true, List.of()) : null;
    }

    @Override
    public SmbPath getFileName() {
        return names.isEmpty() ? null : new SmbPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public SmbPath getParent() {
        if (names.isEmpty() || (!absolute && names.size() == 1)) {
            return null;
        }
        return new SmbPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public SmbPath getName(int index) {
        return new SmbPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public SmbPath subpath(int beginIndex, int endIndex) {
        return new SmbPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof SmbPath o) || o.fs != fs || o.absolute != absolute || o.names.size() > names.size()) {
            return false;
        }
        for (int i = 0; i < o.names.size(); i++) {
            if (!names.get(i).equalsIgnoreCase(o.names.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof SmbPath o) || o.fs != fs || (o.absolute && !equals(o)) || o.names.size() > names.size()) {
            return false;
        }
        int offset = names.size() - o.names.size();
        for (int i = 0; i < o.names.size(); i++) {
            if (!names.get(offset + i).equalsIgnoreCase(o.names.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SmbPath normalize() {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (name.equals("..") && !result.isEmpty() && !result.get(result.size() - 1).equals("..")) {
                result.remove(result.size() - 1);
            } else if (!name.equals(".") && !(name.equals("..") && absolute)) {
                result.add(name);
            }
        }
        return new SmbPath(fs, absolute, result);
    }

    @Override
    public SmbPath resolve(Path other) {
        SmbPath o = cast(other);
        if (o.absolute) {
            return o;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new SmbPath(fs, absolute, joined);
    }

    @Override
    public SmbPath resolve(String other) {
        return resolve(fs.getPath(other));
    }

    @Override
    public SmbPath relativize(Path other) {
        SmbPath o = cast(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equalsIgnoreCase(o.names.get(common))) {
            common++;
        }
        List<String> result = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            result.add("..");
        }
        result.addAll(o.names.subList(common, o.names.size()));
        return new SmbPath(fs, false, result);
    }

    @Override
    public URI toUri() {
        StringBuilder path = new StringBuilder("/").append(fs.share());
        for (String name : toAbsolutePath().names) {
            path.append('/').append(name);
        }
        try {
            return new URI("smb", fs.server(), path.toString(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SmbPath toAbsolutePath() {
        return absolute ? this : new SmbPath(fs, true, names);
    }

    @Override
    public SmbPath toRealPath(LinkOption... options) throws java.io.IOException {
        SmbPath real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, Kind<?>[] events, Modifier... modifiers) {
        throw new UnsupportedOperationException("SMB shares cannot be watched");
    }

    @Override
    public int compareTo(Path other) {
        return String.CASE_INSENSITIVE_ORDER.compare(toString(), cast(other).toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmbPath o && o.fs == fs && o.absolute == absolute && compareTo(o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fs, absolute, toString().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        String relative = String.join("\\", names);
        return absolute ? fs.rootName() + relative : relative;
    }
}
