package org.fenestra.wim.internal.write;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The per-image figures of the XML document, counted as wimlib counts them: every name of a
 * directory adds to DIRCOUNT (directory reparse points count as files), every other name to
 * FILECOUNT; TOTALBYTES sums each file's stream sizes once per name, HARDLINKBYTES the part
 * due to the second and later names.
 */
public record ImageStats(long dirCount, long fileCount, long totalBytes, long hardLinkBytes) {

    public static ImageStats of(TreeDentry root) {
        Set<TreeInode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long dirs = 0;
        long files = 0;
        long total = 0;
        long hardLink = 0;
        for (TreeDentry d : DentryWriter.preOrder(root)) {
            TreeInode i = d.inode;
            if (!seen.add(i)) {
                continue;
            }
            if (i.isDirectory()) {
                dirs += i.linkCount;
            } else {
                files += i.linkCount;
            }
            long size = i.streamBytes();
            total += size * i.linkCount;
            hardLink += size * (i.linkCount - 1);
        }
        return new ImageStats(dirs, files, total, hardLink);
    }
}
