package org.fenestra.dism.internal;

import static org.fenestra.dism.internal.binding.DismConstants.*;

import java.util.List;
import java.util.Objects;

import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismException;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismProgress;
import org.fenestra.dism.DismUnavailableException;
import org.fenestra.dism.InstalledPackage;
import org.fenestra.dism.PackageInfo;
import org.fenestra.dism.internal.binding.DismPackage;
import org.fenestra.dism.internal.binding.DismPackageInfo;
import org.fenestra.dism.internal.binding.Utf16String;

/**
 * A {@code DismSession}. Calls on one session run one after another (synchronized); when a call
 * answers {@code DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED} the session is closed and opened again
 * on the same image before anything else uses it.
 */
final class NativeImageSession implements DismImageSession {

    static final String CLEAN_IMAGE = "_DismCleanImage";

    private final NativeDismHost host;
    private final LoadedDismApi loaded;
    private final DismCalls calls;
    private final String imagePath;
    private int session;
    /** False after the session was closed, or lost when reloading it failed. */
    private boolean hasSession = true;
    private boolean closed;

    private NativeImageSession(NativeDismHost host, LoadedDismApi loaded, DismCalls calls, String imagePath,
            int session) {
        this.host = host;
        this.loaded = loaded;
        this.calls = calls;
        this.imagePath = imagePath;
        this.session = session;
    }

    static NativeImageSession open(NativeDismHost host, LoadedDismApi loaded, DismCalls calls, String imagePath)
            throws DismException {
        return new NativeImageSession(host, loaded, calls, imagePath, openSession(calls, imagePath));
    }

    private static int openSession(DismCalls calls, String imagePath) throws DismException {
        IntByReference session = new IntByReference();
        try (Utf16String path = Utf16String.of(imagePath)) {
            calls.check("DismOpenSession", calls.api().DismOpenSession(path, null, null, session));
        }
        return session.getValue();
    }

    @Override
    public String imagePath() {
        return imagePath;
    }

    /** The session id DISM gave (it changes when the session is reloaded). */
    synchronized int sessionId() {
        return session;
    }

    @Override
    public synchronized DismCompletion addPackage(String packagePath, boolean ignoreCheck, boolean preventPending,
            DismProgress progress) throws DismException {
        Objects.requireNonNull(packagePath, "packagePath");
        ensureOpen();
        try (Utf16String path = Utf16String.of(packagePath);
                ProgressOperation operation = new ProgressOperation(progress)) {
            int hresult = calls.api().DismAddPackage(session, path, ignoreCheck ? 1 : 0, preventPending ? 1 : 0,
                    operation.cancelHandle(), operation.callback(), null);
            return finish("DismAddPackage", hresult, operation);
        }
    }

    @Override
    public synchronized List<InstalledPackage> packages() throws DismException {
        ensureOpen();
        PointerByReference packages = new PointerByReference();
        IntByReference count = new IntByReference();
        int hresult = calls.api().DismGetPackages(session, packages, count);
        try (DismBuffer buffer = new DismBuffer(calls.api(), packages.getValue())) {
            // read before finish(), which may reload the session the buffer came from
            List<InstalledPackage> values = DismErrors.succeeded(hresult)
                    ? Conversions.array(buffer.pointer(), count.getValue(), new DismPackage().size(), DismPackage::new,
                            Conversions::installedPackage)
                    : List.of();
            finish("DismGetPackages", hresult, null);
            return values;
        }
    }

    @Override
    public PackageInfo packageInfo(String packageName) throws DismException {
        return packageInfo(packageName, DISM_PACKAGE_NAME);
    }

    @Override
    public PackageInfo packageInfoOfFile(String packagePath) throws DismException {
        return packageInfo(packagePath, DISM_PACKAGE_PATH);
    }

    private synchronized PackageInfo packageInfo(String identifier, int identifierKind) throws DismException {
        Objects.requireNonNull(identifier, "identifier");
        ensureOpen();
        PointerByReference info = new PointerByReference();
        int hresult;
        try (Utf16String id = Utf16String.of(identifier)) {
            hresult = calls.api().DismGetPackageInfo(session, id, identifierKind, info);
        }
        try (DismBuffer buffer = new DismBuffer(calls.api(), info.getValue())) {
            if (DismErrors.succeeded(hresult) && buffer.pointer() == null) {
                throw new IllegalStateException("DismGetPackageInfo succeeded but returned no package info");
            }
            // read before finish(), which may reload the session the buffer came from
            PackageInfo value = DismErrors.succeeded(hresult)
                    ? Conversions.packageInfo(new DismPackageInfo(buffer.pointer()))
                    : null;
            finish("DismGetPackageInfo", hresult, null);
            return value;
        }
    }

    @Override
    public synchronized DismCompletion commit(DismProgress progress) throws DismException {
        ensureOpen();
        try (ProgressOperation operation = new ProgressOperation(progress)) {
            int hresult = calls.api().DismCommitImage(session, 0, operation.cancelHandle(), operation.callback(), null);
            return finish("DismCommitImage", hresult, operation);
        }
    }

    @Override
    public boolean componentCleanupAvailable() {
        return loaded.exports(CLEAN_IMAGE);
    }

    @Override
    public synchronized DismCompletion cleanupComponents(boolean resetBase, DismProgress progress)
            throws DismException {
        ensureOpen();
        if (!componentCleanupAvailable()) {
            throw new DismUnavailableException("This DISM (" + loaded.file() + ") does not export " + CLEAN_IMAGE
                    + ": component cleanup needs dism.exe /Cleanup-Image /StartComponentCleanup instead");
        }
        try (ProgressOperation operation = new ProgressOperation(progress)) {
            int hresult = calls.api()._DismCleanImage(session, DISM_CLEAN_COMPONENTS,
                    resetBase ? DISM_CLEAN_FLAG_RESET_BASE : 0, operation.cancelHandle(), operation.callback(), null);
            return finish(CLEAN_IMAGE, hresult, operation);
        }
    }

    /** Checks the result (a failure throws, with DISM's message) and reloads the session when DISM asks for it. */
    private DismCompletion finish(String function, int hresult, ProgressOperation operation) throws DismException {
        DismCompletion completion = operation == null ? calls.check(function, hresult)
                : calls.check(function, hresult, operation);
        if (hresult == DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED) {
            reload();
        }
        return completion;
    }

    private void reload() throws DismException {
        hasSession = false;
        calls.check("DismCloseSession", calls.api().DismCloseSession(session));
        session = openSession(calls, imagePath);
        hasSession = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This DISM session is closed");
        }
        if (!hasSession) {
            throw new IllegalStateException("This DISM session was lost when reloading it failed");
        }
    }

    @Override
    public synchronized void close() throws DismException {
        if (closed) {
            return;
        }
        closed = true;
        host.forget(this);
        if (hasSession) {
            hasSession = false;
            calls.check("DismCloseSession", calls.api().DismCloseSession(session));
        }
    }
}
