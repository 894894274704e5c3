package org.fenestra.dism.internal;

import com.sun.jna.Pointer;

import org.fenestra.dism.internal.binding.DismApiLibrary;

/** A buffer a Dism* function returned: released with {@code DismDelete} exactly once, on close. */
final class DismBuffer implements AutoCloseable {

    private static final System.Logger LOG = DismLog.LOG;

    private final DismApiLibrary api;
    private Pointer pointer;

    DismBuffer(DismApiLibrary api, Pointer pointer) {
        this.api = api;
        this.pointer = pointer;
    }

    Pointer pointer() {
        return pointer;
    }

    @Override
    public synchronized void close() {
        if (pointer != null) {
            Pointer released = pointer;
            pointer = null;
            int hresult = api.DismDelete(released);
            if (!DismErrors.succeeded(hresult)) {
                LOG.log(System.Logger.Level.WARNING, "DismDelete failed ({0})",
                        org.fenestra.dism.DismException.hex(hresult));
            }
        }
    }
}
