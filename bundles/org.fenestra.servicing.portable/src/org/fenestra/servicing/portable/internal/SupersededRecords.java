package org.fenestra.servicing.portable.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.model.UpdateCommand;

/**
 * The portable servicer's component cleanup: of the Fenestra packages recorded in an image (one
 * {@code IDENTITY.xml} each, named by the package's identity as {@link FenestraPackageApplier}
 * writes it), the records of versions a higher version of the same package (name, token,
 * architecture, language) superseded. The files they installed were replaced by the newer version;
 * their records would keep listing them as installed. A record whose name is no package identity
 * is an error: cleanup does not guess which package it is.
 */
final class SupersededRecords {

    private final Path wimFile;
    private final int index;
    private final String recordsFolder;

    SupersededRecords(Path wimFile, int index, String recordsFolder) {
        this.wimFile = wimFile;
        this.index = index;
        this.recordsFolder = recordsFolder;
    }

    /** The deletes that drop the superseded records; none when nothing is superseded. */
    List<UpdateCommand> deletes() throws ServicingException, IOException {
        Map<String, Record> newest = new LinkedHashMap<>();
        List<UpdateCommand> deletes = new ArrayList<>();
        try (WimFile wim = WimFile.open(wimFile)) {
            ImageTree tree = new ImageTree(wim.openImage(index));
            WimEntry folder = tree.find(recordsFolder);
            if (folder == null || !folder.isDirectory()) {
                return List.of();
            }
            for (WimEntry entry : folder.children()) {
                String name = entry.name();
                if (entry.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                Record record = new Record(identity(name, recordsFolder + "/" + name), tree.spelling(recordsFolder + "/" + name));
                Record kept = newest.putIfAbsent(record.key(), record);
                int order = kept == null ? 0 : kept.compareVersion(record);
                if (order < 0) {
                    newest.put(record.key(), record);
                    deletes.add(new UpdateCommand.Delete(kept.imagePath(), false, false));
                } else if (order > 0) {
                    deletes.add(new UpdateCommand.Delete(record.imagePath(), false, false));
                }
            }
        }
        return deletes;
    }

    private static PackageIdentity identity(String fileName, String imagePath) throws ServicingException {
        try {
            return PackageIdentity.parse(fileName.substring(0, fileName.length() - ".xml".length()));
        } catch (IllegalArgumentException e) {
            throw new ServicingException(Reason.BAD_IMAGE, "the package record " + imagePath
                    + " in the image is not named by a package identity (" + e.getMessage() + "); it was not written "
                    + "by the portable servicer, so cleanup cannot tell which package it records", e);
        }
    }

    private record Record(PackageIdentity identity, String imagePath) {

        /** The package's identity but its version: the versions of one package share it. */
        String key() {
            return (identity.name() + "~" + identity.publicKeyToken() + "~" + identity.architecture() + "~"
                    + identity.language()).toLowerCase(Locale.ROOT);
        }

        /** Below 0: this version is older than the other's; 0 also when a version is not numbers (nothing superseded). */
        int compareVersion(Record other) {
            try {
                return OsBuild.parse(identity.version()).compareTo(OsBuild.parse(other.identity.version()));
            } catch (IllegalArgumentException e) {
                return 0;
            }
        }
    }
}
