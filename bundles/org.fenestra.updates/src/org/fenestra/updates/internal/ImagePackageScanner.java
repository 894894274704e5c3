package org.fenestra.updates.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.internal.packages.UpdateMum;
import org.fenestra.updates.internal.packages.WimBlobs;
import org.fenestra.updates.packages.PackageFormatException;
import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.model.WimProgress;

/**
 * Reads which packages an image holds from the WIM itself, without extracting it: the
 * {@code Windows/servicing/Packages/*.mum} files of the image (names compared ignoring case, as
 * Windows does), and the version, build, revision and architecture from the WIM's XML, with the
 * build and revision (UBR) from the image's registry where the import read them.
 */
final class ImagePackageScanner {

    static final String PACKAGES_FOLDER = "Windows/servicing/Packages";
    /** No real package manifest comes near this; a larger one is not read. */
    private static final long MAX_MUM_BYTES = 16L * 1024 * 1024;

    private ImagePackageScanner() {
    }

    /**
     * @param record the catalog's image: its architecture and OS version stand in where the WIM's XML
     *               has none (the admin gave the architecture at import)
     * @param facts  what the image's registry says (read at import): its build and UBR, when both are
     *               known, are the image's build and revision, over the XML's BUILD and SPBUILD
     */
    static ImageUpdates scan(WimFile wim, OsImageRecord record, ImageFacts facts, Instant now, WimProgress progress)
            throws UpdateException, IOException {
        String where = record.storedPath();
        WimImage image = wim.openImage(record.imageIndex());
        WimImageInfo info = image.info();
        OsBuild build = osBuild(info.versionMajor() > 0
                ? new OsBuild(info.versionMajor(), info.versionMinor(), info.versionBuild(), info.versionSpBuild())
                : catalogVersion(record), facts);
        Architecture architecture = info.processorArchitecture().isPresent() ? architecture(info, where) : record.architecture();
        Map<WimBlob, List<String>> mums = new IdentityHashMap<>();
        Map<String, WimBlob> byHash = new HashMap<>(); // files with equal content share one blob
        WimEntry folder = find(image.root(), PACKAGES_FOLDER);
        if (folder != null) {
            for (WimEntry entry : folder.children()) {
                if (entry.isDirectory() || !entry.name().toLowerCase(Locale.ROOT).endsWith(".mum")) {
                    continue;
                }
                WimBlob blob = image.blobOf(entry.mainStream(), entry.fullPath());
                if (blob == null) {
                    throw new UpdateException(Reason.BAD_IMAGE, where, where + ": " + entry.fullPath() + " is empty", null);
                }
                if (blob.size() > MAX_MUM_BYTES) {
                    throw new UpdateException(Reason.BAD_IMAGE, where, where + ": " + entry.fullPath() + " is "
                            + blob.size() + " bytes, more than a package manifest can be", null);
                }
                WimBlob shared = byHash.computeIfAbsent(java.util.HexFormat.of().formatHex(blob.hash()), h -> blob);
                mums.computeIfAbsent(shared, b -> new ArrayList<>()).add(entry.fullPath());
            }
        }
        Map<WimBlob, byte[]> contents = WimBlobs.read(image, new ArrayList<>(mums.keySet()), progress);
        List<InstalledUpdate> installed = new ArrayList<>();
        for (Map.Entry<WimBlob, List<String>> mum : mums.entrySet()) {
            for (String path : mum.getValue()) {
                try {
                    UpdateMum manifest = UpdateMum.parse(contents.get(mum.getKey()), where + ":" + path);
                    installed.add(new InstalledUpdate(manifest.identity(), manifest.articleId(), manifest.releaseType(),
                            InstalledUpdate.Origin.IN_IMAGE, now, ""));
                } catch (PackageFormatException e) {
                    throw new UpdateException(Reason.BAD_IMAGE, where, e.getMessage(), e);
                }
            }
        }
        installed.sort(java.util.Comparator.comparing(u -> u.identity().text().toLowerCase(Locale.ROOT)));
        return new ImageUpdates(record.id(), build, architecture, now, installed);
    }

    /**
     * The registry's CurrentBuildNumber and UBR where known: the UBR is the revision Windows itself
     * reports and that cumulative updates raise, while SPBUILD in the XML is only what the WIM's
     * writer copied at capture. Major and minor stay the XML's (10.0 for Windows 10 and later builds
     * when the XML has none).
     */
    static OsBuild osBuild(OsBuild fromXml, ImageFacts facts) {
        if (facts.build() < 0 || facts.ubr() < 0) {
            return fromXml;
        }
        boolean versionKnown = fromXml.major() > 0;
        return new OsBuild(versionKnown ? fromXml.major() : facts.build() >= 10240 ? 10 : 0,
                versionKnown ? fromXml.minor() : 0, facts.build(), facts.ubr());
    }

    private static OsBuild catalogVersion(OsImageRecord record) {
        try {
            return OsBuild.parse(record.osVersion());
        } catch (IllegalArgumentException e) {
            return new OsBuild(0, 0, 0, 0); // unknown: only packages without build rules apply
        }
    }

    private static Architecture architecture(WimImageInfo info, String where) throws UpdateException {
        ProcessorArchitecture arch = info.processorArchitecture().orElseThrow(() -> new UpdateException(
                Reason.BAD_IMAGE, where, where + ": the WIM's XML names no processor architecture for image "
                        + info.index(), null));
        return switch (arch) {
            case X86 -> Architecture.X86;
            case X64 -> Architecture.X64;
            case ARM64 -> Architecture.ARM64;
            default -> throw new UpdateException(Reason.BAD_IMAGE, where, where + ": the image's architecture "
                    + arch.displayName() + " is not one updates are made for", null);
        };
    }

    /** The entry at a '/'-separated path below {@code root}, each name compared ignoring case; null if absent. */
    private static WimEntry find(WimEntry root, String path) {
        WimEntry current = root;
        for (String name : path.split("/")) {
            if (current == null) {
                return null;
            }
            WimEntry next = null;
            for (WimEntry child : current.children()) {
                if (child.name().equalsIgnoreCase(name)) {
                    next = child;
                    break;
                }
            }
            current = next;
        }
        return current;
    }
}
