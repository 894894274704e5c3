package org.fenestra.distribution.internal.dp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentLibraryException;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.PartialContent;
import org.fenestra.content.library.StoredContent;
import org.fenestra.content.library.ValidationReport;
import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.DownloadTokens;
import org.fenestra.distribution.internal.DpProtocol;
import org.fenestra.distribution.internal.ImageDescription;
import org.fenestra.distribution.internal.Secrets;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;

/**
 * The DP's one handler: routes {@link DpProtocol}'s requests, checks who asks and that every
 * name is plain, and answers from the content library. Blocking (Jetty runs it on a pool thread).
 */
final class DpHandler extends Handler.Abstract {

    private static final Logger LOG = System.getLogger(DpHandler.class.getName());
    /** Only these characters may appear in a raw path: no %-encoding, so no encoded separator or dot. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
    private static final int BUFFER_BYTES = 1 << 20;
    /** How long a delta's connection may stay unread while the DP copies from its base. */
    private static final long REBUILD_IDLE_MILLIS = 30L * 60 * 1000;

    private final ContentLibrary library;
    private final DpIdentity identity;
    private final DpImageDescriptions images;
    /** Pulls running now, by "ID/VERSION", for the site to ask how far they are. */
    private final java.util.Map<String, DpPull> pulls = new java.util.concurrent.ConcurrentHashMap<>();

    DpHandler(ContentLibrary library, DpIdentity identity, DpImageDescriptions images) {
        this.library = library;
        this.identity = identity;
        this.images = images;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            serve(request, response);
            callback.succeeded();
        } catch (Refusal refusal) {
            if (refusal.status == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            text(response, refusal.status, refusal.getMessage(), callback);
        } catch (ContentLibraryException e) {
            text(response, statusOf(e), e.getMessage(), callback);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e, e);
            callback.failed(e);
        }
        return true;
    }

    private void serve(Request request, Response response) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !PLAIN_PATH.matcher(rawPath).matches()) {
            throw new Refusal(400, "path refused: only letters, digits and . _ - / may appear, unencoded");
        }
        List<String> segments = List.of(rawPath.substring(1).split("/", -1));
        if (segments.stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new Refusal(400, "path refused: . and .. segments");
        }
        String method = request.getMethod();
        String first = segments.get(0);
        if (first.isEmpty() && segments.size() == 1) {
            text(response, 200, "Fenestra distribution point\n");
            return;
        }
        switch (first) {
            case "content" -> {
                requireSegments(segments, 2);
                requireMethod(method, "GET", "HEAD");
                serveContent(request, response, sha256(segments.get(1)), method.equals("HEAD"));
            }
            case "packages" -> {
                requireMethod(method, "GET");
                if (segments.size() == 2) {
                    servePackage(request, response, packageId(segments.get(1)), null);
                } else {
                    requireSegments(segments, 3);
                    servePackage(request, response, packageId(segments.get(1)), version(segments.get(2)));
                }
            }
            case "images" -> {
                requireSegments(segments, 1);
                requireMethod(method, "GET");
                serveImages(request, response);
            }
            case "admin" -> {
                requireSite(request);
                serveAdmin(request, response, method, segments);
            }
            default -> throw new Refusal(404, "no such resource");
        }
    }

    private void serveAdmin(Request request, Response response, String method, List<String> segments)
            throws Exception {
        String what = segments.size() > 1 ? segments.get(1) : "";
        switch (what) {
            case "upload" -> {
                requireSegments(segments, 3);
                String sha256 = sha256(segments.get(2));
                if (method.equals("GET")) {
                    uploadState(response, sha256);
                } else {
                    requireMethod(method, "PUT");
                    upload(request, response, sha256);
                }
            }
            case "packages" -> {
                if (segments.size() == 2) {
                    requireMethod(method, "GET");
                    StringBuilder text = new StringBuilder();
                    for (String id : library.packageIds()) {
                        List<Integer> versions = library.versions(id);
                        text.append(id).append(' ').append(versions.get(versions.size() - 1)).append('\n');
                    }
                    text(response, 200, text.toString());
                } else if (method.equals("DELETE")) {
                    requireSegments(segments, 3);
                    library.removePackage(packageId(segments.get(2)));
                    images.remove(segments.get(2));
                    text(response, 200, "removed\n");
                } else {
                    requireMethod(method, "PUT");
                    requireSegments(segments, 4);
                    putManifest(request, response, packageId(segments.get(2)), version(segments.get(3)));
                }
            }
            case "validate" -> {
                requireMethod(method, "POST");
                requireSegments(segments, 3);
                ValidationReport report = library.validate(packageId(segments.get(2)), ContentProgress.NONE);
                response.getHeaders().put(DpProtocol.VALIDATION, report.isValid() ? "valid" : "invalid");
                text(response, 200, report.message() + "\n");
            }
            case "rebuild" -> {
                requireMethod(method, "PUT");
                requireSegments(segments, 3);
                rebuild(request, response, sha256(segments.get(2)));
            }
            case "pull" -> {
                requireSegments(segments, 4);
                String pulled = packageId(segments.get(2)) + "/" + version(segments.get(3));
                if (method.equals("GET")) {
                    DpPull running = pulls.get(pulled);
                    if (running == null) {
                        throw new Refusal(404, "no pull of " + pulled + " is running");
                    }
                    response.getHeaders().put(DpProtocol.PULL_PROGRESS, running.progress());
                    text(response, 200, running.progress() + " bytes\n");
                } else {
                    requireMethod(method, "POST");
                    pull(request, response, packageId(segments.get(2)), version(segments.get(3)));
                }
            }
            case "images" -> {
                requireMethod(method, "PUT");
                requireSegments(segments, 3);
                String packageId = packageId(segments.get(2));
                try {
                    images.put(ImageDescription.fromBody(packageId, readSmallBody(request)));
                } catch (IllegalArgumentException e) {
                    throw new Refusal(400, "image description refused: " + e.getMessage());
                }
                text(response, 200, "description of " + packageId + " kept\n");
            }
            case "download-key" -> {
                requireMethod(method, "PUT");
                requireSegments(segments, 2);
                String key = readSmallBody(request).strip();
                if (!key.matches("[0-9a-f]{64}")) {
                    throw new Refusal(400, "a download key is 64 hex digits");
                }
                identity.setDownloadKey(key);
                text(response, 200, "download key set\n");
            }
            default -> throw new Refusal(404, "no such resource");
        }
    }

    // ---- downloads ----------------------------------------------------------------------

    private void serveContent(Request request, Response response, String sha256, boolean headOnly) throws Exception {
        String bearer = bearer(request);
        if (!isSite(bearer) && tokenPackagesHolding(bearer, sha256).isEmpty()) {
            throw new Refusal(403, "the token does not open this content");
        }
        Path file = library.find(sha256).orElseThrow(() -> new Refusal(404, "no content " + sha256 + " here"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteRange range = ByteRange.parse(request.getHeaders().get(HttpHeader.RANGE), size);
            long first = range == null ? 0 : range.first();
            long length = range == null ? size : range.length();
            response.setStatus(range == null ? 200 : 206);
            response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
            response.getHeaders().put(HttpHeader.ETAG, "\"" + sha256 + "\"");
            if (range != null) {
                response.getHeaders().put(HttpHeader.CONTENT_RANGE,
                        "bytes " + range.first() + "-" + range.last() + "/" + size);
            }
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                if (!headOnly) {
                    copy(channel, first, length, out);
                }
            }
        }
    }

    private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_BYTES, Math.max(length, 1)));
        long position = first;
        long end = first + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("content shrank while being sent");
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private void servePackage(Request request, Response response, String packageId, Integer version)
            throws Exception {
        String bearer = bearer(request);
        if (!isSite(bearer) && !tokenPackages(bearer).contains(packageId)) {
            throw new Refusal(403, "the token does not open package " + packageId);
        }
        Optional<PackageManifest> manifest = version == null ? library.manifest(packageId)
                : library.manifest(packageId, version);
        PackageManifest found = manifest.orElseThrow(() -> new Refusal(404, "no package " + packageId
                + (version == null ? "" : " version " + version) + " here"));
        response.getHeaders().put(DpProtocol.PACKAGE_VERSION, found.version());
        text(response, 200, new String(found.toBytes(), StandardCharsets.UTF_8));
    }

    /**
     * A pre-caching client's question: the images its token opens that are here, each with its
     * architecture and languages ({@link ImageDescription#toLine()}); a package the site gave no
     * description for is listed with architecture {@code unknown}.
     */
    private void serveImages(Request request, Response response) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String packageId : tokenPackages(bearer(request))) {
            if (library.manifest(packageId).isPresent()) {
                ImageDescription description = images.find(packageId)
                        .orElse(new ImageDescription(packageId, "unknown", List.of()));
                lines.append(description.toLine()).append('\n');
            }
        }
        text(response, 200, lines.toString());
    }

    /** The packages the token opens that hold this content (the token checked). */
    List<String> tokenPackagesHolding(String token, String sha256) throws Refusal, IOException {
        List<String> holding = new java.util.ArrayList<>();
        for (String packageId : tokenPackages(token)) {
            if (holds(packageId, sha256)) {
                holding.add(packageId);
            }
        }
        return holding;
    }

    private boolean holds(String packageId, String sha256) throws IOException {
        for (int version : library.versions(packageId)) {
            Optional<PackageManifest> manifest = library.manifest(packageId, version);
            if (manifest.isPresent() && manifest.get().contentHashes().contains(sha256)) {
                return true;
            }
        }
        return false;
    }

    // ---- uploads (site only) ------------------------------------------------------------

    private void uploadState(Response response, String sha256) throws Exception {
        if (library.contains(sha256)) {
            response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "true");
            response.getHeaders().put(DpProtocol.UPLOAD_OFFSET, library.find(sha256).map(DpHandler::sizeOf).orElse(0L));
            text(response, 200, "complete\n");
            return;
        }
        try (PartialContent partial = library.partial(sha256, -1)) {
            response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "false");
            response.getHeaders().put(DpProtocol.UPLOAD_OFFSET, partial.length());
            text(response, 200, partial.length() + " bytes received\n");
        }
    }

    private void upload(Request request, Response response, String sha256) throws Exception {
        long size = sizeParameter(request);
        long offset = longHeader(request, DpProtocol.UPLOAD_OFFSET);
        if (library.contains(sha256)) {
            response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "true");
            text(response, 200, "already stored\n");
            return;
        }
        try (PartialContent partial = library.partial(sha256, size)) {
            if (partial.length() != offset) {
                response.getHeaders().put(DpProtocol.UPLOAD_OFFSET, partial.length());
                throw new Refusal(409, "upload continues at byte " + partial.length() + ", not " + offset);
            }
            try (InputStream body = Request.asInputStream(request)) {
                partial.append(body, ContentProgress.NONE);
            }
            if (partial.length() < size) {
                response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "false");
                response.getHeaders().put(DpProtocol.UPLOAD_OFFSET, partial.length());
                text(response, 202, partial.length() + " of " + size + " bytes received\n");
                return;
            }
            StoredContent stored = partial.complete(ContentProgress.NONE);
            response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "true");
            text(response, 201, "stored " + stored.sha256() + " (" + stored.size() + " bytes)\n");
        }
    }

    private void putManifest(Request request, Response response, String packageId, int version) throws Exception {
        PackageManifest manifest;
        try {
            manifest = PackageManifest.fromBytes(readSmallBody(request).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "manifest refused: " + e.getMessage());
        }
        if (!manifest.packageId().equals(packageId) || manifest.version() != version) {
            throw new Refusal(400, "the manifest is for package " + manifest.packageId() + " version "
                    + manifest.version() + ", not " + packageId + " version " + version);
        }
        library.putManifest(manifest);
        text(response, 201, "package " + packageId + " version " + version + " recorded\n");
    }

    /** A new version rebuilt from one this DP holds: a {@link DeltaRecipe}, then the bytes it says are sent. */
    private void rebuild(Request request, Response response, String sha256) throws Exception {
        try (InputStream body = new BufferedInputStream(Request.asInputStream(request), BUFFER_BYTES)) {
            DeltaRecipe recipe;
            try {
                recipe = DeltaRecipe.read(body);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "delta refused: " + e.getMessage());
            }
            if (!recipe.targetSha256().equals(sha256)) {
                throw new Refusal(400, "delta refused: its recipe builds " + recipe.targetSha256() + ", not " + sha256);
            }
            if (library.contains(sha256)) {
                response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "true");
                text(response, 200, "already stored\n");
                return;
            }
            // copying a long run of the base (GBs, hashed as it goes) leaves the connection unread
            // for longer than Jetty's idle timeout on a busy DP; the site's request waits meanwhile
            request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(REBUILD_IDLE_MILLIS);
            StoredContent stored = new DeltaRebuild(library).rebuild(recipe, body);
            response.getHeaders().put(DpProtocol.UPLOAD_COMPLETE, "true");
            text(response, 201, "rebuilt " + stored.sha256() + " (" + stored.size() + " bytes) from "
                    + recipe.baseSha256() + " and " + recipe.sentBytes() + " bytes sent\n");
        }
    }

    /** A pull-DP takes a package version from another DP, told by the site where and with which token. */
    private void pull(Request request, Response response, String packageId, int version) throws Exception {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String line : readSmallBody(request).lines().toList()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                fields.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        String url = fields.get("url");
        String fingerprint = fields.get("fingerprint");
        String token = fields.get("token");
        if (url == null || !url.startsWith("https://") || fingerprint == null || token == null) {
            throw new Refusal(400, "a pull names the source DP: url, fingerprint and token lines");
        }
        String key = packageId + "/" + version;
        DpPull running = new DpPull(library, new DpClient(java.net.URI.create(url), fingerprint, token));
        try {
            pulls.put(key, running);
            running.pull(packageId, version);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "pull refused: " + e.getMessage());
        } catch (DpException e) {
            throw new Refusal(502, "the source DP refused: " + e.getMessage());
        } finally {
            pulls.remove(key, running);
        }
        text(response, 201, "package " + packageId + " version " + version + " pulled from " + url + "\n");
    }

    // ---- who asks -----------------------------------------------------------------------

    static String bearer(Request request) throws Refusal {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            throw new Refusal(401, "authentication needed (a deployment token, or the site's secret)");
        }
        return header.substring("Bearer ".length()).strip();
    }

    boolean isSite(String bearer) {
        return Secrets.same(bearer, identity.siteSecret());
    }

    void requireSite(Request request) throws Refusal {
        if (!isSite(bearer(request))) {
            throw new Refusal(403, "only the site may change or inspect this DP's content");
        }
    }

    /** The packages a valid, unexpired token opens. */
    List<String> tokenPackages(String token) throws Refusal, IOException {
        String key = identity.downloadKey().orElseThrow(() -> new Refusal(403,
                "this DP has no download key from the site yet"));
        return DownloadTokens.packagesPermitted(key, token, Instant.now()).orElseThrow(() -> new Refusal(403,
                "the token is not valid here (wrong, expired, or for another site)"));
    }

    // ---- names and small helpers --------------------------------------------------------

    private static String sha256(String segment) throws Refusal {
        if (!segment.matches("[0-9a-f]{64}")) {
            throw new Refusal(400, "not a SHA-256 (64 lower-case hex digits)");
        }
        return segment;
    }

    private static String packageId(String segment) throws Refusal {
        if (!segment.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}") || segment.contains("..")) {
            throw new Refusal(400, "not a package ID");
        }
        return segment;
    }

    private static int version(String segment) throws Refusal {
        if (!segment.matches("[1-9][0-9]{0,8}")) {
            throw new Refusal(400, "not a package version");
        }
        return Integer.parseInt(segment);
    }

    private static void requireSegments(List<String> segments, int count) throws Refusal {
        if (segments.size() != count) {
            throw new Refusal(404, "no such resource");
        }
    }

    private static void requireMethod(String method, String... allowed) throws Refusal {
        if (!List.of(allowed).contains(method)) {
            throw new Refusal(405, method + " is not allowed here");
        }
    }

    private static long sizeParameter(Request request) throws Refusal {
        String size = Request.extractQueryParameters(request).getValue("size");
        if (size == null || !size.matches("[0-9]{1,18}")) {
            throw new Refusal(400, "an upload names the content's size: ?size=BYTES");
        }
        return Long.parseLong(size);
    }

    private static long longHeader(Request request, String name) throws Refusal {
        String value = request.getHeaders().get(name);
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw new Refusal(400, "header " + name + " is needed (bytes)");
        }
        return Long.parseLong(value);
    }

    static String readSmallBody(Request request) throws IOException, Refusal {
        try (InputStream body = Request.asInputStream(request)) {
            byte[] data = body.readNBytes(PackageManifest.MAX_BYTES + 1);
            if (data.length > PackageManifest.MAX_BYTES) {
                throw new Refusal(413, "body too large");
            }
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int statusOf(ContentLibraryException e) {
        return switch (e.reason()) {
            case INVALID_NAME -> 400;
            case HASH_MISMATCH -> 422;
            case MISSING_CONTENT, BUSY -> 409;
            case NO_SUCH_PACKAGE -> 404;
            case CORRUPT_MANIFEST -> 500;
            case CANCELLED -> 503;
        };
    }

    private static void text(Response response, int status, String text) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(bytes);
        }
    }

    static void text(Response response, int status, String message, Callback callback) {
        try {
            text(response, status, message.endsWith("\n") ? message : message + "\n");
            callback.succeeded();
        } catch (Throwable e) {
            callback.failed(e);
        }
    }
}
