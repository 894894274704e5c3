package org.fenestra.dism.internal;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The cancel event on Linux: an {@code eventfd}; its descriptor number travels as the {@code HANDLE}. */
final class EventFdCancelEvent extends CancelEvent {

    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int eventfd(int initialValue, int flags);

        long write(int fd, Pointer buffer, long count);

        int close(int fd);
    }

    private final int fd;

    EventFdCancelEvent() {
        fd = LibC.INSTANCE.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("eventfd failed (errno " + Native.getLastError() + ")");
        }
    }

    @Override
    Pointer handle() {
        return new Pointer(fd);
    }

    @Override
    void signalNative() {
        try (Memory one = new Memory(Long.BYTES)) {
            one.setLong(0, 1);
            LibC.INSTANCE.write(fd, one, Long.BYTES);
        }
    }

    @Override
    void closeNative() {
        LibC.INSTANCE.close(fd);
    }
}
