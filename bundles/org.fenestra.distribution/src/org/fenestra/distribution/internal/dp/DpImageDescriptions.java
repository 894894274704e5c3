package org.fenestra.distribution.internal.dp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.fenestra.distribution.internal.ImageDescription;

/**
 * The image descriptions the site gave this DP ({@code DATA/images/ID}, the body of
 * {@code PUT /admin/images/ID}), for pre-caching clients to choose by. Package IDs are checked
 * plain before they name a file here.
 */
final class DpImageDescriptions {

    private final Path folder;

    DpImageDescriptions(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    void put(ImageDescription description) throws IOException {
        Path tmp = Files.createTempFile(folder, description.packageId(), ".tmp");
        try {
            Files.writeString(tmp, description.toBody());
            Files.move(tmp, folder.resolve(description.packageId()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The package's description; empty when the site gave none (or it is unreadable: logged by the caller's refusal). */
    Optional<ImageDescription> find(String packageId) throws IOException {
        Path file = folder.resolve(packageId);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageDescription.fromBody(packageId, Files.readString(file)));
        } catch (IllegalArgumentException e) {
            throw new IOException("the stored description of " + packageId + " is damaged: " + e.getMessage(), e);
        }
    }

    void remove(String packageId) throws IOException {
        Files.deleteIfExists(folder.resolve(packageId));
    }
}
