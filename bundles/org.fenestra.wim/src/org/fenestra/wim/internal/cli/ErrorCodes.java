package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.DirectoryNotEmptyInImageException;
import org.fenestra.wim.errors.ImageNameCollisionException;
import org.fenestra.wim.errors.IntegrityException;
import org.fenestra.wim.errors.InvalidBlobTableException;
import org.fenestra.wim.errors.InvalidHeaderException;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.errors.InvalidIntegrityTableException;
import org.fenestra.wim.errors.InvalidMetadataException;
import org.fenestra.wim.errors.InvalidOverlayException;
import org.fenestra.wim.errors.InvalidReparseDataException;
import org.fenestra.wim.errors.InvalidXmlException;
import org.fenestra.wim.errors.IsDirectoryException;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.NotADirectoryException;
import org.fenestra.wim.errors.NotARegularFileException;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.errors.TruncatedWimException;
import org.fenestra.wim.errors.UnknownWimVersionException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.errors.WimDecompressionException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.errors.WimIsReadOnlyException;
import org.fenestra.wim.errors.WimLockedException;

/** Exit codes: wimlib's {@code enum wimlib_error_code} value for each exception type. */
final class ErrorCodes {
    /** Code and wimlib's description of it. */
    record Code(int value, String description) {
    }

    // Most specific types first: the first assignable entry wins.
    private static final Map<Class<? extends IOException>, Code> CODES = new LinkedHashMap<>();

    static {
        put(org.fenestra.wim.errors.NotPipableException.class, 44,
                "The WIM was not captured such that it can be applied from a pipe");
        put(org.fenestra.wim.errors.InvalidPipableWimException.class, 26, "The pipable WIM is invalid");
        put(NotAWimException.class, 43, "The file did not begin with the magic characters that identify a WIM file");
        put(TruncatedWimException.class, 65, "Unexpectedly reached the end of the file");
        put(UnknownWimVersionException.class, 67, "The WIM file is marked with an unknown version number");
        put(org.fenestra.wim.errors.InvalidSplitSetException.class, 62, "The WIM is part of an invalid split WIM");
        put(UnsupportedWimException.class, 68, "The requested operation is unsupported");
        put(InvalidHeaderException.class, 17, "The WIM header was invalid");
        put(InvalidBlobTableException.class, 20, "An entry in the WIM's lookup table is invalid");
        put(InvalidMetadataException.class, 21, "The metadata resource is invalid");
        put(InvalidXmlException.class, 73, "The XML data of the WIM is invalid");
        put(InvalidIntegrityTableException.class, 19, "The WIM's integrity table is invalid");
        put(InvalidReparseDataException.class, 27, "The reparse data of a reparse point was invalid");
        put(WimDecompressionException.class, 2, "The WIM contains invalid compressed data");
        put(WimFormatException.class, 20, "An entry in the WIM's lookup table is invalid");
        put(IntegrityException.class, 13, "The WIM file is corrupted (failed integrity check)");
        put(BlobHashMismatchException.class, 28,
                "The SHA-1 message digest of a WIM resource did not match the expected value");
        put(MissingBlobException.class, 55, "A file resource needed to complete the operation was missing from the WIM");
        put(InvalidImageException.class, 18, "Tried to select an image that does not exist in the WIM");
        put(NotARegularFileException.class, 42,
                "One of the specified paths to extract did not correspond to a regular file");
        put(PathNotFoundException.class, 49, "The path does not exist in the WIM image");
        put(WimLockedException.class, 1, "The WIM is already locked for writing");
        put(WimIsReadOnlyException.class, 71, "The WIM is read-only (file permissions, header flag, or split WIM)");
        put(ImageNameCollisionException.class, 11, "Tried to add an image with a name that is already in use");
        put(IsDirectoryException.class, 32, "One of the specified paths to delete was a directory");
        put(NotADirectoryException.class, 40, "Expected a directory");
        put(DirectoryNotEmptyInImageException.class, 41, "Directory was not empty");
        put(InvalidOverlayException.class, 23, "Conflicting files in overlay when creating a WIM image");
        put(WimCancelledException.class, 76, "The operation was aborted by the library user");
        put(NoSuchFileException.class, 47, "Failed to open a file");
        put(AccessDeniedException.class, 47, "Failed to open a file");
    }

    private static final Code IO_ERROR = new Code(50, "Could not read data from a file");

    private ErrorCodes() {
    }

    private static void put(Class<? extends IOException> type, int code, String description) {
        CODES.put(type, new Code(code, description));
    }

    /** The lines wimlib-imagex ends with when a command fails with {@code code}. */
    static String exitLines(Code code) {
        return "ERROR: Exiting with error code " + code.value() + ":\n       " + code.description() + ".\n";
    }

    static Code of(IOException e) {
        for (Map.Entry<Class<? extends IOException>, Code> c : CODES.entrySet()) {
            if (c.getKey().isInstance(e)) {
                return c.getValue();
            }
        }
        return IO_ERROR;
    }
}
