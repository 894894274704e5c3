package org.fenestra.updates.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;

/**
 * Which catalog packages apply to an image: known packages (not {@link PackageType#UNKNOWN}) matching its architecture (or neutral) and one of the
 * package's build rules, not expired, not held by the image already (by identity, by article, or
 * as a newer version of the same identity), not applied by servicing since; and, unless asked,
 * not superseded by another package applicable to it.
 */
final class Applicability {

    private Applicability() {
    }

    static List<UpdatePackage> applicable(List<UpdatePackage> catalog, ImageUpdates image, UpdateFilter filter) {
        Set<String> identities = new HashSet<>();
        Set<String> articles = new HashSet<>();
        Set<String> appliedIds = new HashSet<>();
        for (InstalledUpdate installed : image.installed()) {
            identities.add(InstalledUpdateTable.key(installed.identity()));
            if (!installed.articleId().isEmpty()) {
                articles.add(installed.articleId().toUpperCase(Locale.ROOT));
            }
            if (!installed.updateId().isEmpty()) {
                appliedIds.add(installed.updateId());
            }
        }
        List<UpdatePackage> candidates = catalog.stream()
                .filter(u -> u.state() != UpdateState.EXPIRED && u.packageType() != PackageType.UNKNOWN)
                .filter(u -> u.architecture().appliesTo(image.architecture()))
                .filter(u -> u.appliesToBuild(image.osBuild()))
                .filter(u -> !appliedIds.contains(u.id()))
                .filter(u -> u.identity() == null || !identities.contains(InstalledUpdateTable.key(u.identity())))
                .filter(u -> u.articleId().isEmpty() || !articles.contains(u.articleId().toUpperCase(Locale.ROOT)))
                .filter(u -> !supersededByInstalled(u, image.installed()))
                .toList();
        return Supersedence.among(candidates).stream().filter(filter::accepts).toList();
    }

    /** The image holds a newer version of the package's identity (a later cumulative update, say). */
    private static boolean supersededByInstalled(UpdatePackage update, List<InstalledUpdate> installed) {
        return update.identity() != null
                && installed.stream().anyMatch(held -> Supersedence.isNewerVersion(held.identity(), update.identity()));
    }
}
