package org.fenestra.content.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.smb.SmbConfiguration;
import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbShares;
import org.fenestra.smb.UncPath;

/**
 * A source WIM named by the admin, opened where it lives: a local path, or a UNC path on an
 * SMB share connected for as long as this is open. Either way {@link #file()} is a
 * {@code java.nio.file} path the WIM engine reads (and writes beside) unchanged.
 */
final class ImageSource implements AutoCloseable {
    private final Path file;
    private final FileSystem share; // null for a local source

    private ImageSource(Path file, FileSystem share) {
        this.file = file;
        this.share = share;
    }

    static ImageSource open(String text, SmbConfiguration smb) throws ImportException {
        return open(text, smb, false);
    }

    /** A setup media folder, local or on a share, as {@link #open} opens a file. */
    static ImageSource openFolder(String text, SmbConfiguration smb) throws ImportException {
        return open(text, smb, true);
    }

    private static ImageSource open(String text, SmbConfiguration smb, boolean folder) throws ImportException {
        if (!UncPath.isUnc(text)) {
            Path path = local(text);
            return new ImageSource(folder ? existingFolder(path, text) : existing(path, text), null);
        }
        UncPath unc;
        try {
            unc = UncPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImportException(Reason.INVALID_ARGUMENT, e.getMessage(), e);
        }
        FileSystem share = connect(unc, smb);
        try {
            Path path = SmbShares.path(share, unc);
            return new ImageSource(folder ? existingFolder(path, text) : existing(path, text), share);
        } catch (ImportException | RuntimeException e) {
            closeQuietly(share);
            throw e;
        }
    }

    /** Absolute and normalized, so the catalog records where the file is, not where the console stood. */
    private static Path local(String text) throws ImportException {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ImportException(Reason.INVALID_ARGUMENT, "not a valid path: " + text, e);
        }
    }

    private static FileSystem connect(UncPath unc, SmbConfiguration smb) throws ImportException {
        try {
            return SmbShares.open(unc, smb);
        } catch (SmbException e) {
            Reason reason = switch (e.kind()) {
                case AUTHENTICATION_FAILED -> Reason.SHARE_LOGON_FAILED;
                case SHARE_NOT_FOUND -> Reason.SOURCE_NOT_FOUND;
                case HOST_UNREACHABLE -> Reason.SOURCE_UNREACHABLE;
                default -> Reason.WRITE_FAILED;
            };
            throw new ImportException(reason, "cannot open " + unc + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ImportException(Reason.INVALID_ARGUMENT, e.getMessage(), e);
        }
    }

    private static Path existing(Path file, String text) throws ImportException {
        if (Files.isDirectory(file)) {
            throw new ImportException(Reason.NOT_A_WIM, text + " is a folder, not a WIM file;"
                    + " give the path of the .wim or .esd file in it");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImportException(Reason.SOURCE_NOT_FOUND, "no such file: " + text);
        }
        return file;
    }

    private static Path existingFolder(Path folder, String text) throws ImportException {
        if (Files.isRegularFile(folder)) {
            throw new ImportException(Reason.NOT_SETUP_MEDIA, text + " is a file; give the setup media folder"
                    + " (the one holding setup.exe and sources\\install.wim)");
        }
        if (!Files.isDirectory(folder)) {
            throw new ImportException(Reason.SOURCE_NOT_FOUND, "no such folder: " + text);
        }
        return folder;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        closeQuietly(share);
    }

    private static void closeQuietly(FileSystem share) {
        if (share == null) {
            return;
        }
        try {
            share.close();
        } catch (IOException e) {
            System.getLogger(ImageSource.class.getName()).log(Level.DEBUG, "disconnecting " + share, e);
        }
    }
}
