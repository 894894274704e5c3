package org.fenestra.console.internal;

import java.util.Locale;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.wim.ProcessorArchitecture;

/** The catalog's architecture as the console prints it: the engine's display name (x86, x64, arm64). */
final class ArchitectureNames {

    private ArchitectureNames() {
    }

    static String of(Architecture architecture) {
        return ProcessorArchitecture.fromName(architecture.name()).map(ProcessorArchitecture::displayName)
                .orElse(architecture.name().toLowerCase(Locale.ROOT));
    }
}
