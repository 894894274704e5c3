package org.fenestra.distribution.internal;

/**
 * The DP's HTTPS interface, shared by the DP (server) and the site, pull-DPs and clients.
 *
 * <pre>
 * GET|HEAD /content/SHA256               content by hash (Range honoured)           token for a package holding it, or site
 * GET      /packages/ID[/VERSION]        a package's manifest (the highest version)  token for ID, or site
 * GET      /images                       "ID ARCH LANGS" per image the token opens that is here  token
 * PUT      /admin/images/ID              an image's architecture and languages (ImageDescription) site
 * GET      /admin/upload/SHA256          Upload-Offset: bytes already received, Upload-Complete  site
 * PUT      /admin/upload/SHA256?size=N   append at Upload-Offset; 201 once whole and checked     site
 * PUT      /admin/rebuild/SHA256         a DeltaRecipe, then the bytes it sends; 201 once rebuilt site
 *                                        and checked; 409 without the base, 422 when the result's
 *                                        hash is wrong (nothing kept either way)
 * POST     /admin/pull/ID/VERSION        take the package version from another DP (url, fingerprint and
 *                                        token lines); 201 once it holds it whole and checked  site
 * GET      /admin/pull/ID/VERSION        Pull-Progress: BYTES/TOTAL of a pull running; 404 when none  site
 * PUT      /admin/packages/ID/VERSION    record a manifest (all its content must be there)       site
 * DELETE   /admin/packages/ID            remove a package and content no other package uses      site
 * GET      /admin/packages               "ID VERSION" per package                                site
 * POST     /admin/validate/ID            hash every file again; Validation: valid|invalid        site
 * PUT      /admin/download-key           the key clients' tokens are checked with               site
 * POST     /multicast/ID[/STREAM]        join (or start) the image's multicast session: its ticket token for ID
 * PUT      /admin/multicast              the DP's multicast settings (MulticastWire)             site
 * PUT      /admin/multicast/packages/ID  an image's distribution settings (MulticastWire)        site
 * GET      /admin/multicast/sessions     SESSION and RECEIVER lines, now and recently ended      site
 * </pre>
 * "site" means {@code Authorization: Bearer SITE_SECRET}, "token" {@code Authorization: Bearer TOKEN}
 * ({@link DownloadTokens}). Names are refused unless they are plain: hex hashes, package IDs,
 * decimal versions; no encoded character is accepted anywhere in a path.
 */
public final class DpProtocol {

    public static final String UPLOAD_OFFSET = "Upload-Offset";
    public static final String UPLOAD_COMPLETE = "Upload-Complete";
    public static final String PACKAGE_VERSION = "Package-Version";
    public static final String VALIDATION = "Validation";
    /** Answering GET /admin/pull/ID/VERSION: bytes of the package held so far / its total (-1: not known yet). */
    public static final String PULL_PROGRESS = "Pull-Progress";
    /** Answering POST /multicast/ID: the file's name, whether HTTPS is refused, seconds until a scheduled start. */
    public static final String MULTICAST_FILE = "Multicast-File";
    public static final String MULTICAST_ONLY = "Multicast-Only";
    public static final String MULTICAST_START_WITHIN = "Multicast-Start-Within";
    /** "K/N": the client got stream K (1 fastest) of N; too slow for it, it asks for /multicast/ID/K+1. */
    public static final String MULTICAST_STREAM = "Multicast-Stream";

    private DpProtocol() {
    }
}
