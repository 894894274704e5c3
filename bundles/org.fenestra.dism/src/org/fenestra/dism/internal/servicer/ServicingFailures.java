package org.fenestra.dism.internal.servicer;

import java.util.Set;

import org.fenestra.dism.DismCancelledException;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismPackageNotApplicableException;
import org.fenestra.dism.DismServicingStackRequiredException;
import org.fenestra.dism.DismVersionTooOldException;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;

/** DISM's failures in servicing's terms: the reason decides what the pipeline does, DISM's words stay in the message. */
final class ServicingFailures {

    /** HRESULTs that mean the package file itself is bad: CBS_E_INVALID_PACKAGE, corrupt, invalid data, bad format. */
    private static final Set<Integer> DAMAGED_PACKAGE = Set.of(0x800F0805, 0x80070570, 0x8007000D, 0x8007000B);

    private ServicingFailures() {
    }

    /**
     * HRESULTs that mean the WIM itself is bad: not found, bad format, invalid data, corrupt, no such
     * index (DISMAPI_E_INVALID_IMAGE_INDEX); and every WIMGAPI error (facility 0x142, {@code 0xC142xxxx}).
     */
    private static final Set<Integer> BAD_IMAGE = Set.of(0x80070002, 0x80070003, 0x8007000B, 0x8007000D, 0x80070570,
            0xC0040005);

    /** A failure while reading or mounting the image. */
    static ServicingException ofImage(String what, DismException e) {
        Reason reason = general(e);
        int hresult = e.hresult();
        if (reason == Reason.IO && e.function() != null
                && (BAD_IMAGE.contains(hresult) || (hresult & 0xFFFF0000) == 0xC1420000)) {
            reason = Reason.BAD_IMAGE;
        }
        return new ServicingException(reason, what + ": " + e.getMessage(), e);
    }

    /** A failure while adding a package. */
    static ServicingException ofPackage(String what, DismException e) {
        Reason reason = general(e);
        if (reason == Reason.IO && DAMAGED_PACKAGE.contains(e.hresult()) && e.function() != null) {
            reason = Reason.BAD_PACKAGE;
        }
        return new ServicingException(reason, what + ": " + e.getMessage(), e);
    }

    /** Any other failure. */
    static ServicingException of(String what, DismException e) {
        return new ServicingException(general(e), what + ": " + e.getMessage(), e);
    }

    private static Reason general(DismException e) {
        if (e instanceof DismCancelledException) {
            return Reason.CANCELLED;
        }
        if (e instanceof DismPackageNotApplicableException || e instanceof DismServicingStackRequiredException) {
            return Reason.NOT_APPLICABLE;
        }
        if (e instanceof DismVersionTooOldException) {
            return Reason.SERVICER_OUTDATED;
        }
        return Reason.IO;
    }
}
