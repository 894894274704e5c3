package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.CabProgress;
import org.fenestra.cab.Cabinet;
import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.packages.PackageFormatException;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.model.WimProgress;
import org.w3c.dom.Element;

/**
 * A Microsoft Update standalone package ({@code .msu}): a cabinet holding
 * <ul>
 * <li>the payload: CBS cabinets ({@code Windows11.0-KB5031356-x64.cab}, servicing stack ones too),
 * or, in newer cumulative updates, a WIM and a PSF delta file of one base name;</li>
 * <li>{@code WSUSSCAN.cab}, the applicability scan data (not a payload; noted, not read);</li>
 * <li>{@code *-pkgProperties.txt} ({@link PackageProperties}): article, product, architecture, date;</li>
 * <li>an unattend {@code .xml} whose {@code servicing/package/source location} values name the
 * payload cabinets in the order they are installed.</li>
 * </ul>
 * The build rules and identity come from the main payload's {@code update.mum} (the last payload in
 * install order: servicing stack updates come first), read from the nested cabinet, or from the
 * WIM's image 1 with Fenestra's WIM engine. Nested payloads are copied to a temporary folder to be
 * opened, and deleted after.
 */
final class MsuLayout {

    private static final String WSUSSCAN = "wsusscan.cab";
    /** A nested payload larger than this is not opened (the largest cumulative updates are ~1 GiB). */
    private static final long MAX_PAYLOAD_BYTES = 8L * 1024 * 1024 * 1024;

    private MsuLayout() {
    }

    static boolean looksLikeMsu(List<CabEntry> entries) {
        return entries.stream().anyMatch(e -> isPayloadCab(e) || CabinetPackage.lower(e.name()).endsWith(".wim")
                || CabinetPackage.lower(e.name()).endsWith("-pkgproperties.txt"));
    }

    private static boolean isPayloadCab(CabEntry entry) {
        String lower = CabinetPackage.lower(entry.name());
        return lower.endsWith(".cab") && !lower.equals(WSUSSCAN);
    }

    static PackageMetadata read(Cabinet msu, String name) throws IOException {
        List<CabEntry> entries = msu.entries();
        PackageProperties properties = null;
        List<String> notes = new ArrayList<>();
        for (CabEntry entry : entries) {
            if (CabinetPackage.lower(entry.name()).endsWith("-pkgproperties.txt")) {
                properties = PackageProperties.parse(msu.readEntry(entry.name(), PackageProperties.MAX_BYTES),
                        name + "!" + entry.name());
            }
        }
        if (CabinetPackage.entry(msu, "WSUSSCAN.cab").isPresent()) {
            notes.add("WSUSSCAN.cab present");
        }
        List<String> order = unattendOrder(msu, name, notes);
        List<CabEntry> cabs = entries.stream().filter(MsuLayout::isPayloadCab).toList();
        Optional<CabEntry> wim = entries.stream().filter(e -> CabinetPackage.lower(e.name()).endsWith(".wim")).findFirst();

        List<String> payloads = new ArrayList<>();
        UpdateMum mum;
        PackageType type;
        if (wim.isPresent()) {
            String base = wim.get().name().substring(0, wim.get().name().length() - 4);
            Optional<CabEntry> psf = CabinetPackage.entry(msu, base + ".psf");
            if (psf.isEmpty()) {
                return PackageMetadata.unknown("an MSU with the WIM payload " + wim.get().name() + " but no " + base + ".psf");
            }
            payloads.addAll(ordered(cabs, order)); // servicing stack cabinets may come with it
            payloads.add(wim.get().name());
            payloads.add(psf.get().name());
            mum = withPayload(msu, wim.get(), name, path -> mumInWim(path, name + "!" + wim.get().name()));
            type = PackageType.PSFX;
            notes.add("payload: WIM + PSF, read with Fenestra's WIM engine");
        } else if (!cabs.isEmpty()) {
            payloads.addAll(ordered(cabs, order));
            CabEntry main = CabinetPackage.entry(msu, payloads.get(payloads.size() - 1)).orElseThrow();
            mum = withPayload(msu, main, name, path -> mumInCabinet(path, name + "!" + main.name()));
            type = mum.psfx() ? PackageType.PSFX : PackageType.MSU;
            notes.add(cabs.size() + " payload cabinet(s)");
        } else {
            return PackageMetadata.unknown("an MSU without payload: neither a .cab (other than WSUSSCAN.cab) nor a WIM + PSF pair");
        }
        return metadata(type, mum, properties, payloads, String.join("; ", notes));
    }

    private static PackageMetadata metadata(PackageType type, UpdateMum mum, PackageProperties properties,
            List<String> payloads, String diagnostic) {
        PackageProperties props = properties == null ? new PackageProperties(Map.of()) : properties;
        String article = !props.articleId().isEmpty() ? props.articleId() : mum == null ? "" : mum.articleId();
        PackageIdentity identity = mum == null ? null : mum.identity();
        UpdateArchitecture architecture = UpdateArchitecture.parse(props.get("Processor Architecture"))
                .filter(a -> !props.get("Processor Architecture").isBlank())
                .orElse(identity == null ? UpdateArchitecture.NEUTRAL : PackageMetadata.architecture(identity));
        String classification = mum != null && !mum.releaseType().isEmpty() ? mum.releaseType()
                : !props.get("Package Type").isEmpty() ? props.get("Package Type") : props.get("Installation Type");
        String product = !props.get("Applies to").isEmpty() ? props.get("Applies to") : props.get("Product Name");
        String title = (classification.isEmpty() ? "Update" : classification) + (article.isEmpty() ? "" : " " + article)
                + (product.isEmpty() ? "" : " for " + product) + " (" + architecture.identityName() + ")";
        return new PackageMetadata(type, article, title, classification, product, architecture, identity,
                mum == null ? List.of() : mum.applicableBuilds(), List.of(),
                props.buildDate() != null ? props.buildDate() : mum == null ? null : mum.created(),
                mum == null ? OfflineServiceable.UNKNOWN : mum.offline(),
                mum == null ? "no update.mum in the payload" : mum.offlineReason(), payloads,
                diagnostic + (mum == null ? "; the payload holds no update.mum" : ""));
    }

    /** The payload cabinets: first those the unattend file names, in its order, then the rest by name. */
    private static List<String> ordered(List<CabEntry> cabs, List<String> order) {
        Map<String, String> byLower = new LinkedHashMap<>();
        cabs.stream().map(CabEntry::name).sorted(String.CASE_INSENSITIVE_ORDER)
                .forEach(n -> byLower.put(CabinetPackage.lower(n), n));
        List<String> result = new ArrayList<>();
        for (String named : order) {
            String actual = byLower.remove(CabinetPackage.lower(named));
            if (actual != null) {
                result.add(actual);
            }
        }
        result.addAll(byLower.values());
        return result;
    }

    /** The payload file names in the order the unattend file installs them; empty without one. */
    private static List<String> unattendOrder(Cabinet msu, String name, List<String> notes) throws IOException {
        List<String> order = new ArrayList<>();
        for (CabEntry entry : msu.entries()) {
            if (!CabinetPackage.lower(entry.name()).endsWith(".xml")) {
                continue;
            }
            Element root = SafeXml.parse(msu.readEntry(entry.name(), SafeXml.MAX_BYTES), name + "!" + entry.name())
                    .getDocumentElement();
            if (!"unattend".equals(root.getLocalName())) {
                continue;
            }
            for (Element servicing : SafeXml.children(root, "servicing")) {
                for (Element pkg : SafeXml.children(servicing, "package")) {
                    String location = SafeXml.attribute(SafeXml.child(pkg, "source"), "location");
                    if (!location.isEmpty()) {
                        order.add(location.substring(Math.max(location.lastIndexOf('\\'), location.lastIndexOf('/')) + 1));
                    }
                }
            }
            notes.add("install order from " + entry.name());
        }
        return order;
    }

    @FunctionalInterface
    private interface PayloadReader {
        UpdateMum read(Path payload) throws IOException;
    }

    /** Copies one nested payload to a temporary folder, reads it, and deletes the copy. */
    private static UpdateMum withPayload(Cabinet msu, CabEntry payload, String name, PayloadReader reader) throws IOException {
        if (payload.size() > MAX_PAYLOAD_BYTES) {
            throw new PackageFormatException(name, "the payload " + payload.name() + " of " + payload.size()
                    + " bytes is larger than " + MAX_PAYLOAD_BYTES + " bytes", true, null);
        }
        Path folder = Files.createTempDirectory("fenestra-msu-");
        try {
            msu.extract(List.of(payload), folder, CabProgress.NONE);
            return reader.read(folder.resolve(payload.path()));
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static UpdateMum mumInCabinet(Path payload, String name) throws IOException {
        try (Cabinet cabinet = Cabinet.open(payload)) {
            Optional<CabEntry> mum = CabinetPackage.entry(cabinet, CabinetPackage.UPDATE_MUM);
            return mum.isEmpty() ? null
                    : UpdateMum.parse(cabinet.readEntry(mum.get().name(), SafeXml.MAX_BYTES), name + "!" + CabinetPackage.UPDATE_MUM);
        } catch (org.fenestra.cab.errors.CabException e) {
            throw PackageFormatException.damaged(name, CabinetPackage.problem(e, payload), e);
        }
    }

    private static UpdateMum mumInWim(Path payload, String name) throws IOException {
        try (WimFile wim = WimFile.open(payload)) {
            WimImage image = wim.openImage(1);
            WimEntry mum = null;
            for (WimEntry child : image.root() == null ? List.<WimEntry>of() : image.root().children()) {
                if (child.name().equalsIgnoreCase(CabinetPackage.UPDATE_MUM)) {
                    mum = child;
                }
            }
            if (mum == null) {
                return null;
            }
            WimBlob blob = image.blobOf(mum.mainStream(), mum.fullPath());
            if (blob == null || blob.size() > SafeXml.MAX_BYTES) {
                throw PackageFormatException.damaged(name, "its update.mum is empty or too large");
            }
            return UpdateMum.parse(WimBlobs.read(image, List.of(blob), WimProgress.NONE).get(blob), name + "!" + CabinetPackage.UPDATE_MUM);
        } catch (org.fenestra.wim.errors.WimFormatException e) {
            throw PackageFormatException.damaged(name, "the WIM payload cannot be read: " + e.getMessage(), e);
        }
    }
}
