package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.Cabinet;
import org.fenestra.cab.errors.CabException;
import org.fenestra.cab.errors.UnsupportedCabinetException;

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
            throw new PackageFormatException(name, e.getMessage(), true, e);
        } catch (CabException e) {
            throw PackageFormatException.damaged(name, e.getMessage(), e);
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
