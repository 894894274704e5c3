package org.fenestra.smb.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileAllInformation;

/** Basic attributes from an SMB2 FileAllInformation query. */
record SmbAttributes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime creationTime, long size,
        long attributes, long fileId) implements BasicFileAttributes {

    static SmbAttributes of(FileAllInformation info) {
        var basic = info.getBasicInformation();
        return new SmbAttributes(FileTime.from(basic.getLastWriteTime().toInstant()),
                FileTime.from(basic.getLastAccessTime().toInstant()), FileTime.from(basic.getCreationTime().toInstant()),
                info.getStandardInformation().getEndOfFile(), basic.getFileAttributes(),
                info.getInternalInformation().getIndexNumber());
    }

    boolean has(FileAttributes attribute) {
        return (attributes & attribute.getValue()) != 0;
    }

    @Override
    public boolean isRegularFile() {
        return !isDirectory() && !isSymbolicLink();
    }

    @Override
    public boolean isDirectory() {
        return has(FileAttributes.FILE_ATTRIBUTE_DIRECTORY);
    }

    @Override
    public boolean isSymbolicLink() {
        return has(FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT);
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public Object fileKey() {
        return fileId;
    }
}
