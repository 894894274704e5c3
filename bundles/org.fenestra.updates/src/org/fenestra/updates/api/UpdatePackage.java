package org.fenestra.updates.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One package file of an update source, as synchronize read it from the package's own metadata.
 *
 * @param id                 stable ID allocated by the catalog, e.g. {@code UPD00001}
 * @param articleId          the knowledge base article ({@code KB5031356}) or a Fenestra package's ID;
 *                           empty when the package names none
 * @param title              a display title (the package's own, else made from type and article)
 * @param classification     {@code Security Update}, {@code Update}, {@code Service Pack}, ...
 *                           ({@code releaseType} of a CBS package); empty when unknown
 * @param product            what it is for, e.g. {@code Windows 11} ({@code Applies to} of an MSU); may be empty
 * @param architecture       what it is built for
 * @param identity           its package identity; null for {@link PackageType#UNKNOWN} and an MSU
 *                           without a readable payload identity
 * @param applicableBuilds   the OS build rules, any of which must match; empty means any build
 * @param supersedes         article IDs this package replaces (written by the package; CBS packages
 *                           also supersede older versions of their own identity, see {@link #supersededBy})
 * @param supersededBy       IDs of the catalog's non-expired packages that supersede this one
 * @param releaseDate        the package's build or release date; null when it names none
 * @param packageType        what kind of package it is, which decides which servicer applies it
 * @param offlineServiceable whether it can be added to an image offline
 * @param offlineReason      why ({@code "a Fenestra package: file operations"}, ...)
 * @param payloads           the payload files in the order servicing applies them (an MSU's cabinets,
 *                           {@code name.wim} + {@code name.psf}, a Fenestra package's operations summary)
 * @param sizeBytes          the package file's size
 * @param sha256             the package file's SHA-256 (lower-case hex): its key in the content library
 * @param sourceName         the update source it was found in
 * @param sourcePath         where the file is: the source's path and the file's path below it
 * @param state              available, downloaded or expired
 * @param diagnostic         why a package is {@link PackageType#UNKNOWN}, or notes on what was read; may be empty
 * @param synchronizedAt     when synchronize last read the file
 * @since 0.1
 */
public record UpdatePackage(
        String id,
        String articleId,
        String title,
        String classification,
        String product,
        UpdateArchitecture architecture,
        PackageIdentity identity,
        List<ApplicableBuild> applicableBuilds,
        List<String> supersedes,
        List<String> supersededBy,
        LocalDate releaseDate,
        PackageType packageType,
        OfflineServiceable offlineServiceable,
        String offlineReason,
        List<String> payloads,
        long sizeBytes,
        String sha256,
        String sourceName,
        String sourcePath,
        UpdateState state,
        String diagnostic,
        Instant synchronizedAt) {

    public UpdatePackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(architecture, "architecture");
        applicableBuilds = List.copyOf(applicableBuilds);
        supersedes = List.copyOf(supersedes);
        supersededBy = List.copyOf(supersededBy);
        Objects.requireNonNull(packageType, "packageType");
        Objects.requireNonNull(offlineServiceable, "offlineServiceable");
        Objects.requireNonNull(offlineReason, "offlineReason");
        payloads = List.copyOf(payloads);
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(synchronizedAt, "synchronizedAt");
    }

    /** Whether a non-expired package in the catalog supersedes this one. */
    public boolean superseded() {
        return !supersededBy.isEmpty();
    }

    /** Whether any build rule matches {@code image} (true without rules). */
    public boolean appliesToBuild(OsBuild image) {
        return applicableBuilds.isEmpty() || applicableBuilds.stream().anyMatch(rule -> rule.matches(image));
    }

    /**
     * Whether {@code text} occurs (ignoring case) in the ID, article, title, classification,
     * product, identity, architecture or file path: the filter of the updates list.
     */
    public boolean matchesText(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return List.of(id, articleId, title, classification, product, architecture.name(), architecture.identityName(),
                identity == null ? "" : identity.text(), sourcePath, packageType.name())
                .stream().anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The same package with {@code supersededBy} replaced (the catalog computes it over all packages). */
    public UpdatePackage withSupersededBy(List<String> ids) {
        return new UpdatePackage(id, articleId, title, classification, product, architecture, identity,
                applicableBuilds, supersedes, ids, releaseDate, packageType, offlineServiceable, offlineReason,
                payloads, sizeBytes, sha256, sourceName, sourcePath, state, diagnostic, synchronizedAt);
    }
}
