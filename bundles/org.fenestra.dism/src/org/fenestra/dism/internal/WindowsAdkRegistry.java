package org.fenestra.dism.internal;

import java.nio.file.Path;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import org.fenestra.dism.internal.binding.Utf16String;
import org.fenestra.dism.internal.binding.WideStrings;

/**
 * Reads the Windows ADK's install root from the registry (Windows only; not exercised on Linux):
 * {@code HKLM\SOFTWARE\Microsoft\Windows Kits\Installed Roots}, value {@code KitsRoot10}, in the
 * 32-bit view where the ADK's installer writes it.
 */
final class WindowsAdkRegistry {

    private static final System.Logger LOG = DismLog.LOG;

    /** {@code HKEY_LOCAL_MACHINE}: (HKEY)(ULONG_PTR)(LONG)0x80000002, sign-extended on 64-bit. */
    private static final Pointer HKEY_LOCAL_MACHINE = new Pointer(0xFFFFFFFF80000002L);
    private static final int RRF_RT_REG_SZ = 0x00000002;
    private static final int RRF_SUBKEY_WOW6432KEY = 0x00020000;
    private static final int ERROR_SUCCESS = 0;

    /** {@code LSTATUS RegGetValueW(HKEY, LPCWSTR, LPCWSTR, DWORD, LPDWORD, PVOID, LPDWORD)} */
    interface Advapi32 extends Library {
        int RegGetValueW(Pointer key, Utf16String subKey, Utf16String value, int flags, IntByReference type,
                Pointer data, IntByReference dataBytes);
    }

    private WindowsAdkRegistry() {
    }

    static Optional<Path> kitsRoot10() {
        try {
            Advapi32 advapi32 = Native.load("Advapi32", Advapi32.class);
            try (Utf16String key = Utf16String.of("SOFTWARE\\Microsoft\\Windows Kits\\Installed Roots");
                    Utf16String value = Utf16String.of("KitsRoot10")) {
                int flags = RRF_RT_REG_SZ | RRF_SUBKEY_WOW6432KEY;
                IntByReference bytes = new IntByReference();
                if (advapi32.RegGetValueW(HKEY_LOCAL_MACHINE, key, value, flags, null, null, bytes) != ERROR_SUCCESS
                        || bytes.getValue() <= 0) {
                    return Optional.empty();
                }
                try (Memory data = new Memory(bytes.getValue() + 2L)) {
                    data.clear();
                    if (advapi32.RegGetValueW(HKEY_LOCAL_MACHINE, key, value, flags, null, data, bytes) != ERROR_SUCCESS) {
                        return Optional.empty();
                    }
                    String root = WideStrings.read(data);
                    return root == null || root.isBlank() ? Optional.empty() : Optional.of(Path.of(root));
                }
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "No Windows ADK root in the registry", e);
            return Optional.empty();
        }
    }
}
