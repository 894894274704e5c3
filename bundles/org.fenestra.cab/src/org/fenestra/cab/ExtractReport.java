package org.fenestra.cab;

import java.nio.file.Path;
import java.util.List;

/**
 * What an extraction wrote.
 *
 * @param files   number of entries written
 * @param bytes   their total size
 * @param written the files written, in the order of the cabinet's entries
 * @since 0.1
 */
public record ExtractReport(int files, long bytes, List<Path> written) {

    public ExtractReport {
        written = List.copyOf(written);
    }
}
