package org.fenestra.updates.api;

import java.util.List;

import org.fenestra.wim.model.WimProgress;

/**
 * The site's software updates catalog, as an OSGi service. Long operations report progress and
 * stop with {@link UpdateException.Reason#CANCELLED} when the monitor asks; what they committed
 * before is complete.
 *
 * @since 0.1
 */
public interface SoftwareUpdates {

    /**
     * Adds an update source. The folder must exist and be readable (a UNC folder is checked on its share).
     *
     * @param name null or blank for the folder's own name
     * @throws UpdateException DUPLICATE_SOURCE, SOURCE_NOT_FOUND, SOURCE_UNREADABLE, INVALID_ARGUMENT
     */
    UpdateSource addSource(String path, String name) throws UpdateException;

    /** Every source, by name. */
    List<UpdateSource> sources() throws UpdateException;

    /**
     * Removes a source and the records of its packages that were never downloaded; downloaded ones
     * stay (their content is in the library) as expired.
     *
     * @throws UpdateException NO_SUCH_SOURCE
     */
    void removeSource(String name) throws UpdateException;

    /**
     * Reads every package of a source (or of all sources) into the catalog: new files added, changed
     * files read again, unchanged files (same size and modification time) not read at all, files that
     * are gone marked expired. Each package is committed on its own, so a failure or a cancel keeps
     * what was done; expiry is decided only by a complete listing. A damaged package is reported in
     * {@link SyncResult#problems()} and leaves its previous record (if any) as it was.
     *
     * @param sourceName null for every source
     * @throws UpdateException NO_SUCH_SOURCE, SOURCE_NOT_FOUND, SOURCE_UNREADABLE, CANCELLED, DATABASE
     */
    SyncResult synchronize(String sourceName, WimProgress progress) throws UpdateException;

    /** The catalog's packages the filter accepts, by article and ID. */
    List<UpdatePackage> list(UpdateFilter filter) throws UpdateException;

    /**
     * One package by ID ({@code UPD00001}) or article ({@code KB5031356}; the newest non-expired
     * package of that article when there are several architectures, so prefer IDs).
     *
     * @throws UpdateException NO_SUCH_UPDATE
     */
    UpdatePackage get(String idOrArticle) throws UpdateException;

    /**
     * Copies packages into the site's content library, each verified against the SHA-256 synchronize
     * recorded; content the library holds already is not stored again.
     *
     * @param ids package IDs (or articles, as {@link #get} reads them)
     * @throws UpdateException NO_SUCH_UPDATE, HASH_MISMATCH, SOURCE_UNREADABLE, CONTENT_LIBRARY, CANCELLED
     */
    DownloadResult download(List<String> ids, WimProgress progress) throws UpdateException;

    /**
     * Where a downloaded package's content is in the content library (named by its SHA-256), for
     * the servicer that applies it.
     *
     * @throws UpdateException NO_SUCH_UPDATE, or CONTENT_LIBRARY when it is not downloaded (or its content is gone)
     */
    java.nio.file.Path downloadedContent(String id) throws UpdateException;

    /**
     * The updates that apply to an OS image: its architecture (or neutral), a build rule matching its
     * build, not installed in it nor applied since, not expired, and (unless the filter includes
     * them) not superseded by another update applicable to it.
     *
     * @throws UpdateException NO_SUCH_IMAGE, BAD_IMAGE (when its packages were never read and cannot be)
     */
    List<UpdatePackage> applicable(String imageId, UpdateFilter filter) throws UpdateException;

    /**
     * What an image holds: read at import (or by {@link #rescan}) plus what servicing applied since.
     * An image never read is read now.
     *
     * @throws UpdateException NO_SUCH_IMAGE, BAD_IMAGE
     */
    ImageUpdates installedUpdates(String imageId) throws UpdateException;

    /**
     * Reads an image's servicing packages and version again from its WIM, replacing what was read before
     * (applied updates stay).
     *
     * @throws UpdateException NO_SUCH_IMAGE, BAD_IMAGE, CANCELLED
     */
    ImageUpdates rescan(String imageId, WimProgress progress) throws UpdateException;

    /**
     * Records that servicing applied packages to an image (the servicing pipeline calls this when it
     * commits a run), so they are no longer applicable to it.
     *
     * @throws UpdateException NO_SUCH_IMAGE, NO_SUCH_UPDATE
     */
    void recordApplied(String imageId, List<String> updateIds) throws UpdateException;
}
