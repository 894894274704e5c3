package org.fenestra.content.api;

import java.util.Objects;

/**
 * What the Add Operating System Upgrade Package wizard (or {@code fenestra:upgrade-add}) asks for.
 *
 * @param sourcePath the setup media folder (holding {@code setup.exe} and {@code sources/install.wim}): a
 *                   local path or a UNC path {@code \\server\share\dir} (also {@code //server/share/dir}),
 *                   read over SMB2/3 as image imports are
 * @param name       catalog name; blank means the folder's name
 * @param version    optional admin version
 * @param comment    optional comment
 * @param imageIndex the index of {@code sources/install.wim} that servicing works on; 0 means 1
 * @param addedBy    the account adding it
 * @since 0.1
 */
public record UpgradePackageRequest(String sourcePath, String name, String version, String comment, int imageIndex,
        String addedBy) {

    public UpgradePackageRequest {
        Objects.requireNonNull(sourcePath, "sourcePath");
        name = Objects.requireNonNullElse(name, "").strip();
        version = Objects.requireNonNullElse(version, "");
        comment = Objects.requireNonNullElse(comment, "");
        addedBy = Objects.requireNonNullElse(addedBy, "");
        if (imageIndex < 0) {
            throw new IllegalArgumentException("image index must be 1 or more (0: the first): " + imageIndex);
        }
    }
}
