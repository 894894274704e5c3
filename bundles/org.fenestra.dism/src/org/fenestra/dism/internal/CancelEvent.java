package org.fenestra.dism.internal;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The {@code HANDLE CancelEvent} DISM's long calls take: DISM polls it and stops when it is
 * signalled. On Windows a manual-reset Win32 event; elsewhere (the stand-in) a Linux
 * {@code eventfd} whose number is passed as the handle, readable once signalled. Thread-safe:
 * signalling after close does nothing.
 */
abstract class CancelEvent implements AutoCloseable {

    private boolean closed;
    private boolean signalled;

    static CancelEvent create() {
        if (Platform.isWindows()) {
            return new Win32CancelEvent();
        }
        if (Platform.isLinux()) {
            return new EventFdCancelEvent();
        }
        throw new UnsupportedOperationException("DISM cancel events exist on Windows (and Linux for the stand-in) only");
    }

    /** The value passed as {@code HANDLE CancelEvent}. */
    abstract Pointer handle();

    abstract void signalNative();

    abstract void closeNative();

    final synchronized void signal() {
        if (!closed && !signalled) {
            signalled = true;
            signalNative();
        }
    }

    final synchronized boolean isSignalled() {
        return signalled;
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            closeNative();
        }
    }
}
