package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.http.DpClient;

/**
 * The deltas of one distribution: for each DP, the version of the package it holds decides the
 * base; a plan is made once per base (DPs holding the same old version share it) from the site's
 * own copy of that version, which its content library keeps.
 */
final class DeltaPlans {

    private static final Logger LOG = System.getLogger(DeltaPlans.class.getName());

    private final ContentLibrary library;
    private final PackageManifest target;
    private final Path targetFile;
    private final Map<String, Optional<DeltaRecipe>> byBase = new ConcurrentHashMap<>();

    DeltaPlans(ContentLibrary library, PackageManifest target, Path targetFile) {
        this.library = library;
        this.target = target;
        this.targetFile = targetFile;
    }

    /**
     * The recipe for this DP, or empty when it holds no earlier version of the package, the site no
     * longer has that version, or the two are not WIMs sharing enough.
     *
     * @throws IOException when the DP cannot be asked what it holds
     */
    Optional<DeltaRecipe> recipeFor(DpClient dp) throws IOException {
        Integer held = dp.packages().get(target.packageId());
        if (held == null || held >= target.version() || target.files().size() != 1) {
            return Optional.empty();
        }
        PackageManifest old = dp.manifest(target.packageId(), held);
        if (old.files().size() != 1) {
            return Optional.empty();
        }
        String baseSha256 = old.files().get(0).sha256();
        if (baseSha256.equals(target.files().get(0).sha256())) {
            return Optional.empty();
        }
        return byBase.computeIfAbsent(baseSha256, this::plan);
    }

    private Optional<DeltaRecipe> plan(String baseSha256) {
        Optional<Path> base = library.find(baseSha256);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        PackageFile file = target.files().get(0);
        try {
            Optional<DeltaRecipe> recipe = WimDeltaPlanner.plan(base.get(), baseSha256, targetFile, file.sha256());
            recipe.ifPresent(r -> LOG.log(Level.INFO, target.packageId() + " version " + target.version()
                    + ": a delta from " + baseSha256 + " sends " + r.sentBytes() + " of " + file.size() + " bytes"));
            return recipe;
        } catch (IOException e) {
            LOG.log(Level.WARNING, target.packageId() + ": no delta (" + e.getMessage() + "); sending it whole", e);
            return Optional.empty();
        }
    }
}
