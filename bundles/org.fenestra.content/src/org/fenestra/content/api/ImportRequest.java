package org.fenestra.content.api;

import java.util.Objects;

/**
 * What the Add Operating System Image wizard (or {@code fenestra:image-add}) asks for.
 *
 * @param sourcePath   the WIM to import: a local path or a UNC path {@code \\server\share\dir\install.wim}
 *                     (also {@code //server/share/...}), read and written over SMB2/3
 * @param eulaAcceptedBy the account that accepted the license terms; {@code null} when not accepted
 * @param extractIndex 0 to import the file as it is, else the index to extract into a new WIM
 *                     beside the source (the source is never modified)
 * @param name         catalog name; blank means the file name without its extension
 * @param version      optional admin version
 * @param comment      optional comment
 * @param architecture {@code x86}, {@code x64} or {@code arm64}; blank means read from the image's XML
 *                     (an image whose XML has none is refused with {@code ARCHITECTURE_UNKNOWN})
 * @param language     a BCP 47 language tag, e.g. {@code en-US}; blank means read from the image's XML
 * @since 0.1
 */
public record ImportRequest(String sourcePath, String eulaAcceptedBy, int extractIndex, String name,
        String version, String comment, String architecture, String language) {

    public ImportRequest {
        Objects.requireNonNull(sourcePath, "sourcePath");
        name = Objects.requireNonNullElse(name, "").strip();
        version = Objects.requireNonNullElse(version, "");
        comment = Objects.requireNonNullElse(comment, "");
        architecture = Objects.requireNonNullElse(architecture, "").strip();
        language = Objects.requireNonNullElse(language, "").strip();
    }
}
