package org.fenestra.updates.internal;

import java.util.ArrayList;
import java.util.List;

import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;

/**
 * Which packages supersede which, among a set of packages. Package A supersedes B when both are
 * for the same architecture (or either is neutral) and either
 * <ul>
 * <li>A names B's article in its {@code supersedes} (Fenestra packages write it), or</li>
 * <li>A and B are versions of one package identity (name, public key token, architecture and
 * language equal, ignoring case) and A's version is higher: component servicing replaces a package
 * by a newer version of itself, which is how one cumulative update supersedes the previous
 * ({@code Package_for_RollupFix} 22621.2428 over 22621.2361).</li>
 * </ul>
 * Expired packages supersede nothing: their file is gone, so they cannot be applied instead.
 */
final class Supersedence {

    private Supersedence() {
    }

    /** {@code packages} with {@link UpdatePackage#supersededBy()} computed among themselves. */
    static List<UpdatePackage> among(List<UpdatePackage> packages) {
        List<UpdatePackage> result = new ArrayList<>(packages.size());
        for (UpdatePackage candidate : packages) {
            List<String> by = new ArrayList<>();
            for (UpdatePackage other : packages) {
                if (other != candidate && other.state() != UpdateState.EXPIRED && supersedes(other, candidate)) {
                    by.add(other.id());
                }
            }
            result.add(candidate.withSupersededBy(by));
        }
        return result;
    }

    static boolean supersedes(UpdatePackage newer, UpdatePackage older) {
        if (!compatible(newer.architecture(), older.architecture())) {
            return false;
        }
        if (!older.articleId().isEmpty() && !older.articleId().equalsIgnoreCase(newer.articleId())
                && newer.supersedes().stream().anyMatch(older.articleId()::equalsIgnoreCase)) {
            return true;
        }
        return newer.identity() != null && older.identity() != null
                && isNewerVersion(newer.identity(), older.identity());
    }

    /** Whether {@code newer} is a higher version of {@code older}'s identity (all else equal, ignoring case). */
    static boolean isNewerVersion(PackageIdentity newer, PackageIdentity older) {
        return sameIdentityExceptVersion(newer, older) && compareVersions(newer.version(), older.version()) > 0;
    }

    private static boolean compatible(UpdateArchitecture a, UpdateArchitecture b) {
        return a == b || a == UpdateArchitecture.NEUTRAL || b == UpdateArchitecture.NEUTRAL;
    }

    private static boolean sameIdentityExceptVersion(PackageIdentity a, PackageIdentity b) {
        return a.name().equalsIgnoreCase(b.name()) && a.publicKeyToken().equalsIgnoreCase(b.publicKeyToken())
                && a.architecture().equalsIgnoreCase(b.architecture()) && a.language().equalsIgnoreCase(b.language());
    }

    /** Compares dotted versions numerically; versions that are not numbers compare as equal (no supersedence). */
    private static int compareVersions(String a, String b) {
        try {
            return OsBuild.parse(a).compareTo(OsBuild.parse(b));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
