package org.fenestra.dism.internal;

import com.sun.jna.ptr.PointerByReference;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.internal.binding.DismApiLibrary;
import org.fenestra.dism.internal.binding.DismString;
import org.fenestra.dism.internal.binding.WideStrings;

/** Checks DISM's results: on failure reads DISM's last error message (on the failing thread, at once) and maps it. */
final class DismCalls {

    private final DismApiLibrary api;

    DismCalls(DismApiLibrary api) {
        this.api = api;
    }

    DismApiLibrary api() {
        return api;
    }

    DismCompletion check(String function, int hresult) throws DismException {
        return check(function, hresult, false);
    }

    DismCompletion check(String function, int hresult, ProgressOperation operation) throws DismException {
        return check(function, hresult, operation.cancelRequested());
    }

    private DismCompletion check(String function, int hresult, boolean cancelRequested) throws DismException {
        if (DismErrors.succeeded(hresult)) {
            return DismErrors.completion(hresult);
        }
        throw DismErrors.failure(function, hresult, lastErrorMessage(), cancelRequested);
    }

    /** {@code DismGetLastErrorMessage}: the calling thread's last error, {@code null} when DISM has none. */
    String lastErrorMessage() {
        PointerByReference message = new PointerByReference();
        if (!DismErrors.succeeded(api.DismGetLastErrorMessage(message)) || message.getValue() == null) {
            return null;
        }
        try (DismBuffer buffer = new DismBuffer(api, message.getValue())) {
            return WideStrings.read(new DismString(buffer.pointer()).Value);
        }
    }
}
