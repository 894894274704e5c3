package org.fenestra.updates.internal.packages;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.fenestra.updates.api.ApplicableBuild;
import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.UpdateArchitecture;

/** What a package reader found in one package file: everything the catalog records but where the file is. */
public record PackageMetadata(PackageType type, String articleId, String title, String classification, String product,
        UpdateArchitecture architecture, PackageIdentity identity, List<ApplicableBuild> applicableBuilds,
        List<String> supersedes, LocalDate releaseDate, OfflineServiceable offline, String offlineReason,
        List<String> payloads, String diagnostic) {

    public PackageMetadata {
        Objects.requireNonNull(type, "type");
        articleId = articleId == null ? "" : articleId;
        title = title == null ? "" : title;
        classification = classification == null ? "" : classification;
        product = product == null ? "" : product;
        Objects.requireNonNull(architecture, "architecture");
        applicableBuilds = List.copyOf(applicableBuilds);
        supersedes = List.copyOf(supersedes);
        Objects.requireNonNull(offline, "offline");
        offlineReason = offlineReason == null ? "" : offlineReason;
        payloads = List.copyOf(payloads);
        diagnostic = diagnostic == null ? "" : diagnostic;
    }

    /** A file whose layout is not one Fenestra knows: recorded with the reason, never dropped. */
    public static PackageMetadata unknown(String reason) {
        return new PackageMetadata(PackageType.UNKNOWN, "", "", "", "", UpdateArchitecture.NEUTRAL, null, List.of(),
                List.of(), null, OfflineServiceable.UNKNOWN, "the package's layout is unknown", List.of(), reason);
    }

    /** A CBS package described by its {@code update.mum}. */
    static PackageMetadata fromMum(UpdateMum mum, String title, List<String> payloads, String diagnostic) {
        return new PackageMetadata(mum.psfx() ? PackageType.PSFX : PackageType.CBS, mum.articleId(),
                title.isEmpty() ? defaultTitle(mum) : title, mum.releaseType(), "", architecture(mum.identity()),
                mum.identity(), mum.applicableBuilds(), List.of(), mum.created(), mum.offline(), mum.offlineReason(),
                payloads, diagnostic);
    }

    private static String defaultTitle(UpdateMum mum) {
        if (!mum.description().isEmpty() && !mum.description().equalsIgnoreCase("default")) {
            return mum.description();
        }
        return (mum.releaseType().isEmpty() ? "Update" : mum.releaseType())
                + (mum.articleId().isEmpty() ? " " + mum.identity().name() : " " + mum.articleId());
    }

    static UpdateArchitecture architecture(PackageIdentity identity) {
        return UpdateArchitecture.parse(identity.architecture()).orElse(UpdateArchitecture.NEUTRAL);
    }
}
