package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimProgress;
import org.fenestra.wim.extract.ExtractOptions;

/**
 * Finds and reads the license terms a Windows image carries. Windows 8 and later keep them in
 * {@code Windows\System32\Licenses\neutral\_Default\EDITION\license.rtf} (one folder per
 * edition, sometimes under {@code _Volume} or {@code OEM} instead of {@code _Default}); older
 * ones in {@code Windows\System32\license.rtf}. Names are matched ignoring case, as Windows does.
 */
final class LicenseTerms {

    /** License files are tens of KB; a larger "license" is not one to show. */
    static final long MAX_BYTES = 4L << 20;

    private LicenseTerms() {
    }

    /** The image's license terms as plain text, or empty when it holds none. */
    static Optional<String> read(WimImage image, String editionId) throws IOException {
        Optional<WimEntry> file = find(image, editionId);
        if (file.isEmpty() || file.get().mainStream() == null) {
            return Optional.empty();
        }
        Path folder = Files.createTempDirectory("fenestra-license");
        try {
            image.extract(List.of(file.get().fullPath()), folder, ExtractOptions.defaults(), WimProgress.NONE);
            Path extracted = folder.resolve(file.get().name());
            if (Files.size(extracted) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(extracted);
            String name = file.get().name().toLowerCase(java.util.Locale.ROOT);
            return Optional.of(name.endsWith(".rtf") ? RtfText.plain(bytes)
                    : new String(bytes, StandardCharsets.UTF_8));
        } finally {
            deleteTree(folder);
        }
    }

    static Optional<WimEntry> find(WimImage image, String editionId) {
        WimEntry system32 = child(image.root(), "Windows").flatMap(windows -> child(windows, "System32")).orElse(null);
        if (system32 == null) {
            return Optional.empty();
        }
        Optional<WimEntry> licenses = child(system32, "Licenses").flatMap(l -> child(l, "neutral"));
        if (licenses.isPresent()) {
            List<WimEntry> channels = new ArrayList<>();
            child(licenses.get(), "_Default").ifPresent(channels::add);
            licenses.get().children().stream().filter(WimEntry::isDirectory).filter(c -> !channels.contains(c))
                    .forEach(channels::add);
            for (WimEntry channel : channels) {
                Optional<WimEntry> edition = editionId == null ? Optional.empty() : child(channel, editionId);
                Optional<WimEntry> file = edition.flatMap(e -> child(e, "license.rtf"));
                if (file.isPresent()) {
                    return file;
                }
            }
            for (WimEntry channel : channels) {
                for (WimEntry edition : channel.children()) {
                    Optional<WimEntry> file = edition.isDirectory() ? child(edition, "license.rtf") : Optional.empty();
                    if (file.isPresent()) {
                        return file;
                    }
                }
            }
        }
        return child(system32, "license.rtf");
    }

    private static Optional<WimEntry> child(WimEntry folder, String name) {
        if (folder == null || !folder.isDirectory()) {
            return Optional.empty();
        }
        return folder.children().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
