package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.Cabinet;
import org.fenestra.cab.errors.CabException;
import org.fenestra.cab.errors.UnsupportedCabinetException;
import org.fenestra.updates.packages.PackageFormatException;

/**
 * A package that is a cabinet: a CBS package (an {@code update.mum} at its root; PSFX when the
 * manifest says so), or an MSU (payload cabinets or a WIM + PSF pair, read by {@link MsuLayout}).
 * A cabinet that is neither is recorded as unknown, with what it holds.
 */
final class CabinetPackage {

    static final byte[] MAGIC = { 'M', 'S', 'C', 'F' };
    static final String UPDATE_MUM = "update.mum";

    private CabinetPackage() {
    }

    static PackageMetadata read(Path file, String name) throws IOException {
        try (Cabinet cabinet = Cabinet.open(file)) {
            verifyAll(cabinet, name);
            Optional<CabEntry> mum = entry(cabinet, UPDATE_MUM);
            if (mum.isPresent()) {
                UpdateMum manifest = UpdateMum.parse(cabinet.readEntry(mum.get().name(), SafeXml.MAX_BYTES),
                        name + "!" + UPDATE_MUM);
                return PackageMetadata.fromMum(manifest, "", List.of(),
                        cabinet.entries().size() + " files in " + cabinet.folderCount() + " folder(s)");
            }
            if (MsuLayout.looksLikeMsu(cabinet.entries())) {
                return MsuLayout.read(cabinet, name);
            }
            List<String> names = cabinet.entries().stream().limit(5).map(CabEntry::name).toList();
            return PackageMetadata.unknown("a cabinet with neither an update.mum nor MSU payloads; it holds "
                    + cabinet.entries().size() + " files" + (names.isEmpty() ? "" : ", e.g. " + String.join(", ", names)));
        } catch (UnsupportedCabinetException e) {
            throw new PackageFormatException(name, problem(e, file), true, e);
        } catch (CabException e) {
            throw PackageFormatException.damaged(name, problem(e, file), e);
        }
    }

    /** The cabinet reader's message without the file name it starts with (the package error names the file). */
    static String problem(CabException error, Path file) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * Reads every entry to its end, so that each data block's checksum and sizes are checked: a
     * truncated or damaged package is refused whole, even where the manifest itself reads fine. An
     * entry name that could leave a folder ({@code ..}, absolute, drive letter) refuses it too.
     */
    static void verifyAll(Cabinet cabinet, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (CabEntry entry : cabinet.entries()) {
            PackagePaths.requireSafe(entry.path(), name, "cabinet entry name");
            try (InputStream in = cabinet.openEntry(entry)) {
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0;) {
                    total += n;
                }
                if (total != entry.size()) {
                    throw PackageFormatException.damaged(name, entry.name() + " holds " + total
                            + " bytes, not the " + entry.size() + " its record says");
                }
            }
        }
    }

    /** The entry at the cabinet's root with this name, ignoring case. */
    static Optional<CabEntry> entry(Cabinet cabinet, String fileName) {
        return cabinet.entries().stream().filter(e -> e.name().equalsIgnoreCase(fileName)).findFirst();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
