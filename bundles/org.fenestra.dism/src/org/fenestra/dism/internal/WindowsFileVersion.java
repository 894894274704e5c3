package org.fenestra.dism.internal;

import java.nio.file.Path;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import org.fenestra.dism.WindowsVersion;
import org.fenestra.dism.internal.binding.Utf16String;

/**
 * A DLL's file version from its version resource ({@code VS_FIXEDFILEINFO}); Windows only, not
 * exercised on Linux.
 */
final class WindowsFileVersion {

    private static final System.Logger LOG = DismLog.LOG;
    /** {@code VS_FIXEDFILEINFO}: dwSignature 0, dwStrucVersion 4, dwFileVersionMS 8, dwFileVersionLS 12. */
    private static final int FILE_VERSION_MS = 8;
    private static final int FILE_VERSION_LS = 12;
    private static final int VS_FIXEDFILEINFO_SIZE = 52;

    interface VersionLibrary extends Library {
        int GetFileVersionInfoSizeW(Utf16String file, IntByReference handle);

        boolean GetFileVersionInfoW(Utf16String file, int handle, int length, Pointer data);

        boolean VerQueryValueW(Pointer block, Utf16String subBlock, PointerByReference buffer, IntByReference length);
    }

    private WindowsFileVersion() {
    }

    static Optional<WindowsVersion> of(Path file) {
        if (!Platform.isWindows()) {
            return Optional.empty();
        }
        try (Utf16String name = Utf16String.of(file.toString()); Utf16String root = Utf16String.of("\\")) {
            VersionLibrary version = Native.load("version", VersionLibrary.class);
            int size = version.GetFileVersionInfoSizeW(name, new IntByReference());
            if (size <= 0) {
                return Optional.empty();
            }
            try (Memory block = new Memory(size)) {
                PointerByReference info = new PointerByReference();
                IntByReference length = new IntByReference();
                if (!version.GetFileVersionInfoW(name, 0, size, block)
                        || !version.VerQueryValueW(block, root, info, length)
                        || info.getValue() == null || length.getValue() < VS_FIXEDFILEINFO_SIZE) {
                    return Optional.empty();
                }
                int ms = info.getValue().getInt(FILE_VERSION_MS);
                int ls = info.getValue().getInt(FILE_VERSION_LS);
                return Optional.of(new WindowsVersion(ms >>> 16, ms & 0xFFFF, ls >>> 16, ls & 0xFFFF));
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The file version of " + file + " could not be read", e);
            return Optional.empty();
        }
    }
}
