package org.fenestra.smb.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

import com.hierynomus.msfscc.fileinformation.ShareInfo;
import com.hierynomus.mssmb2.SMBApiException;

/** A share's space as the server reports it (FileFsFullSizeInformation): asked anew on every call. */
final class SmbFileStore extends FileStore {
    private final SmbFileSystem fs;

    SmbFileStore(SmbFileSystem fs) {
        this.fs = fs;
    }

    private ShareInfo info() throws IOException {
        try {
            return fs.diskShare().getShareInformation();
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, fs.rootName());
        }
    }

    @Override
    public String name() {
        return fs.rootName();
    }

    @Override
    public String type() {
        return "smb";
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public long getTotalSpace() throws IOException {
        return info().getTotalSpace();
    }

    /** What this user may still write (quotas included). */
    @Override
    public long getUsableSpace() throws IOException {
        return info().getCallerFreeSpace();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return info().getFreeSpace();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return name.equals("basic");
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return switch (attribute) {
            case "totalSpace" -> getTotalSpace();
            case "usableSpace" -> getUsableSpace();
            case "unallocatedSpace" -> getUnallocatedSpace();
            default -> throw new UnsupportedOperationException("attribute " + attribute);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
