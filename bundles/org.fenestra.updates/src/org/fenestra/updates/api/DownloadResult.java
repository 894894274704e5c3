package org.fenestra.updates.api;

import java.util.List;

/**
 * What a download did.
 *
 * @param downloaded the packages now in the content library, as the catalog records them
 * @param bytesStored bytes newly written to the content library (0 when every package's content was there already)
 * @since 0.1
 */
public record DownloadResult(List<UpdatePackage> downloaded, long bytesStored) {

    public DownloadResult {
        downloaded = List.copyOf(downloaded);
    }
}
