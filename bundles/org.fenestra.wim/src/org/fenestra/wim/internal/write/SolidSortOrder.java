package org.fenestra.wim.internal.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which blobs go into a solid resource, after wimlib's: files of the same kind
 * side by side so that the compressor sees similar data together. A blob that is some file's
 * unnamed data is named after that file (the shortest such name); unnamed blobs (reparse data,
 * named streams) and blobs read from a solid resource (so that it is decompressed once, in
 * order) come first, then names without an extension, then by extension and name, both
 * case-insensitively. Ties keep the order the blobs were given in (file order for blobs of a
 * WIM).
 */
final class SolidSortOrder {
    private SolidSortOrder() {
    }

    static List<OutputBlob> sorted(List<OutputBlob> blobs, List<WimFileWriter.Image> images) {
        Map<OutputBlob, String> names = new IdentityHashMap<>();
        for (WimFileWriter.Image img : images) {
            for (TreeDentry d : DentryWriter.preOrder(img.root())) {
                OutputBlob b = d.inode.data;
                if (b != null && !b.source().inSolidResource()) {
                    names.merge(b, d.name, (x, y) -> y.length() < x.length() ? y : x);
                }
            }
        }
        List<OutputBlob> out = new ArrayList<>(blobs);
        out.sort(Comparator.comparing((OutputBlob b) -> names.get(b), Comparator.nullsFirst(SolidSortOrder::compareNames)));
        return out;
    }

    private static int compareNames(String a, String b) {
        String ea = extension(a);
        String eb = extension(b);
        if (ea == null || eb == null) {
            if (ea != eb) {
                return ea == null ? -1 : 1;
            }
        } else {
            int c = ea.compareToIgnoreCase(eb);
            if (c != 0) {
                return c;
            }
        }
        return a.compareToIgnoreCase(b);
    }

    /** What follows the last dot, or null without one. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }
}
