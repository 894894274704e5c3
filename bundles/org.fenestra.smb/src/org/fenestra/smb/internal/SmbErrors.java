package org.fenestra.smb.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.fenestra.smb.SmbException;
import org.fenestra.smb.SmbException.Kind;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.common.SMBRuntimeException;

/** Server status codes as the {@code java.nio.file} exceptions callers already handle. */
final class SmbErrors {

    /** One call into smbj. */
    @FunctionalInterface
    interface SmbCall<T> {
        T run() throws IOException;
    }

    private SmbErrors() {
    }

    /**
     * Runs {@code call}, turning a server status into the exception {@link #translate} gives and
     * any other smbj failure (connection lost, timeout) into an IOException naming {@code path}.
     */
    static <T> T call(String path, SmbCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (SMBApiException e) {
            throw translate(e, path);
        } catch (SMBRuntimeException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    static IOException translate(SMBApiException e, String path) {
        NtStatus status = e.getStatus();
        String detail = status + " (0x" + Long.toHexString(e.getStatusCode()) + ")";
        return switch (status) {
            case STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND, STATUS_NO_SUCH_FILE, STATUS_BAD_NETWORK_PATH ->
                withCause(new NoSuchFileException(path, null, detail), e);
            case STATUS_OBJECT_NAME_COLLISION -> withCause(new FileAlreadyExistsException(path, null, detail), e);
            case STATUS_ACCESS_DENIED -> withCause(new AccessDeniedException(path, null, detail), e);
            case STATUS_DIRECTORY_NOT_EMPTY -> withCause(new DirectoryNotEmptyException(path), e);
            case STATUS_NOT_A_DIRECTORY -> withCause(new NotDirectoryException(path), e);
            case STATUS_DISK_FULL -> new SmbException(Kind.DISK_FULL, path + ": the share is full (" + detail + ")", e);
            case STATUS_LOGON_FAILURE, STATUS_LOGON_TYPE_NOT_GRANTED ->
                new SmbException(Kind.AUTHENTICATION_FAILED, path + ": the server refused the user name or password ("
                        + detail + ")", e);
            case STATUS_BAD_NETWORK_NAME -> new SmbException(Kind.SHARE_NOT_FOUND, path + ": no such share ("
                    + detail + ")", e);
            default -> withCause(new FileSystemException(path, null, detail), e);
        };
    }

    private static IOException withCause(FileSystemException error, Throwable cause) {
        error.initCause(cause);
        return error;
    }
}
