package org.fenestra.dism.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The cancel event on Windows: a manual-reset, initially unsignalled event (not exercised on Linux). */
final class Win32CancelEvent extends CancelEvent {

    interface Kernel32 extends Library {
        Kernel32 INSTANCE = Native.load("kernel32", Kernel32.class);

        Pointer CreateEventW(Pointer attributes, boolean manualReset, boolean initialState, Pointer name);

        boolean SetEvent(Pointer event);

        boolean CloseHandle(Pointer handle);
    }

    private final Pointer event;

    Win32CancelEvent() {
        event = Kernel32.INSTANCE.CreateEventW(null, true, false, null);
        if (event == null) {
            throw new IllegalStateException("CreateEventW failed (error " + Native.getLastError() + ")");
        }
    }

    @Override
    Pointer handle() {
        return event;
    }

    @Override
    void signalNative() {
        Kernel32.INSTANCE.SetEvent(event);
    }

    @Override
    void closeNative() {
        Kernel32.INSTANCE.CloseHandle(event);
    }
}
