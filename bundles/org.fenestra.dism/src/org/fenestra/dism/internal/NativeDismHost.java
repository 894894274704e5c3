package org.fenestra.dism.internal;

import static org.fenestra.dism.internal.binding.DismConstants.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismProgress;
import org.fenestra.dism.ImageInfo;
import org.fenestra.dism.MountMode;
import org.fenestra.dism.MountedImage;
import org.fenestra.dism.UnmountMode;
import org.fenestra.dism.WindowsVersion;
import org.fenestra.dism.internal.binding.DismImageInfo;
import org.fenestra.dism.internal.binding.DismMountedImageInfo;
import org.fenestra.dism.internal.binding.Utf16String;

/** A {@link DismHost} on the process's loaded DismApi. */
final class NativeDismHost implements DismHost {

    private final LoadedDismApi loaded;
    private final DismCalls calls;
    private final Set<NativeImageSession> sessions = ConcurrentHashMap.newKeySet();
    private boolean closed;

    NativeDismHost(LoadedDismApi loaded, DismCalls calls) {
        this.loaded = loaded;
        this.calls = calls;
    }

    @Override
    public Path library() {
        return loaded.file();
    }

    @Override
    public Optional<WindowsVersion> version() {
        return WindowsFileVersion.of(loaded.file());
    }

    @Override
    public DismCompletion mountImage(String imageFile, int index, String mountPath, MountMode mode,
            DismProgress progress) throws DismException {
        Objects.requireNonNull(imageFile, "imageFile");
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(mode, "mode");
        ensureOpen();
        int flags = mode == MountMode.READ_ONLY ? DISM_MOUNT_READONLY : DISM_MOUNT_READWRITE;
        try (Utf16String image = Utf16String.of(imageFile);
                Utf16String mount = Utf16String.of(mountPath);
                ProgressOperation operation = new ProgressOperation(progress)) {
            int hresult = calls.api().DismMountImage(image, mount, index, null, DISM_IMAGE_INDEX, flags,
                    operation.cancelHandle(), operation.callback(), null);
            return calls.check("DismMountImage", hresult, operation);
        }
    }

    @Override
    public DismCompletion unmountImage(String mountPath, UnmountMode mode, DismProgress progress)
            throws DismException {
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(mode, "mode");
        ensureOpen();
        int flags = mode == UnmountMode.COMMIT ? DISM_COMMIT_IMAGE : DISM_DISCARD_IMAGE;
        try (Utf16String mount = Utf16String.of(mountPath);
                ProgressOperation operation = new ProgressOperation(progress)) {
            int hresult = calls.api().DismUnmountImage(mount, flags, operation.cancelHandle(), operation.callback(),
                    null);
            return calls.check("DismUnmountImage", hresult, operation);
        }
    }

    @Override
    public DismImageSession openSession(String imagePath) throws DismException {
        Objects.requireNonNull(imagePath, "imagePath");
        ensureOpen();
        NativeImageSession session = NativeImageSession.open(this, loaded, calls, imagePath);
        synchronized (this) {
            if (!closed) {
                sessions.add(session);
                return session;
            }
        }
        // closed while the session was opening: it would outlive its host
        session.close();
        throw new IllegalStateException("This DISM host was closed while the session opened");
    }

    void forget(NativeImageSession session) {
        sessions.remove(session);
    }

    @Override
    public List<ImageInfo> imageInfo(String imageFile) throws DismException {
        Objects.requireNonNull(imageFile, "imageFile");
        ensureOpen();
        PointerByReference info = new PointerByReference();
        IntByReference count = new IntByReference();
        try (Utf16String image = Utf16String.of(imageFile)) {
            calls.check("DismGetImageInfo", calls.api().DismGetImageInfo(image, info, count));
        }
        try (DismBuffer buffer = new DismBuffer(calls.api(), info.getValue())) {
            return Conversions.array(buffer.pointer(), count.getValue(), new DismImageInfo().size(),
                    DismImageInfo::new, Conversions::imageInfo);
        }
    }

    @Override
    public List<MountedImage> mountedImages() throws DismException {
        ensureOpen();
        PointerByReference info = new PointerByReference();
        IntByReference count = new IntByReference();
        calls.check("DismGetMountedImageInfo", calls.api().DismGetMountedImageInfo(info, count));
        try (DismBuffer buffer = new DismBuffer(calls.api(), info.getValue())) {
            return Conversions.array(buffer.pointer(), count.getValue(), new DismMountedImageInfo().size(),
                    DismMountedImageInfo::new, Conversions::mountedImage);
        }
    }

    @Override
    public void cleanupMountpoints() throws DismException {
        ensureOpen();
        calls.check("DismCleanupMountpoints", calls.api().DismCleanupMountpoints());
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This DISM host is closed");
        }
    }

    @Override
    public void close() throws DismException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        DismException first = null;
        for (NativeImageSession session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (DismException e) {
                first = first == null ? e : first;
            }
        }
        NativeDismHosts.release(calls);
        if (first != null) {
            throw first;
        }
    }
}
