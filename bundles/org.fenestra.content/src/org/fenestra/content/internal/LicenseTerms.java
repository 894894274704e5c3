package org.fenestra.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.model.WimProgress;

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
        WimBlob blob = file.isEmpty() ? null : image.blobOf(file.get().mainStream(), file.get().fullPath());
        if (blob == null || blob.size() > MAX_BYTES) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) blob.size());
        image.readBlobs(List.of(blob), new BlobDataSink() { // SHA-1 checked as it streams
            @Override
            public void begin(WimBlob b) {
            }

            @Override
            public void data(WimBlob b, byte[] data, int off, int len) {
                bytes.write(data, off, len);
            }

            @Override
            public void end(WimBlob b) {
            }
        }, WimProgress.NONE);
        String name = file.get().name().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(name.endsWith(".rtf") ? RtfText.plain(bytes.toByteArray())
                : bytes.toString(StandardCharsets.UTF_8));
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
}
