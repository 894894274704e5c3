package org.fenestra.content.api;

import java.util.List;

import org.fenestra.catalog.api.OsImageRecord;

/**
 * What {@link ImageRemover#remove} did.
 *
 * @param image        the record as it was before removal
 * @param deletedFiles the files created by the import that were deleted
 * @param keptFiles    the files created by the import that were kept (asked for, or not deletable)
 * @param problem      why a file could not be deleted; empty when every file went as asked
 * @since 0.1
 */
public record RemovedImage(OsImageRecord image, List<String> deletedFiles, List<String> keptFiles, String problem) {

    public RemovedImage {
        deletedFiles = List.copyOf(deletedFiles);
        keptFiles = List.copyOf(keptFiles);
        problem = problem == null ? "" : problem;
    }
}
