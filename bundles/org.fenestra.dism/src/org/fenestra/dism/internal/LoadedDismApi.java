package org.fenestra.dism.internal;

import java.nio.file.Path;

import com.sun.jna.NativeLibrary;

import org.fenestra.dism.internal.binding.DismApiLibrary;

/** A DismApi loaded into the process: its JNA binding and the library file it came from. */
public record LoadedDismApi(DismApiLibrary api, NativeLibrary library, Path file) {

    /** Whether the library exports {@code function} (the undocumented ones vary by DISM version). */
    public boolean exports(String function) {
        try {
            library.getFunction(function);
            return true;
        } catch (UnsatisfiedLinkError missing) {
            return false;
        }
    }
}
