package org.fenestra.distribution.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.PartialContent;
import org.fenestra.distribution.internal.BlockInputStream;
import org.fenestra.distribution.internal.BoundedInputStream;
import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.DpProtocol;
import org.fenestra.distribution.internal.ImageDescription;

/**
 * Talks to one DP over HTTPS ({@link DpProtocol}), trusting only its pinned certificate and
 * presenting one bearer credential: the site's secret for that DP, or a deployment token.
 */
public final class DpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SMALL_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** From the upload's last byte to the DP's answer: it completes the hash and renames the file. */
    private static final Duration UPLOAD_ANSWER_TIMEOUT = Duration.ofMinutes(30);
    private static final int UPLOAD_BUFFER_BYTES = 1 << 20;
    /** The certificate is pinned by fingerprint ({@link PinnedTls}); a DP may be reached by address or any name. */
    private static final HostnameVerifier PINNED_NOT_NAMED = (host, session) -> true;

    private final URI base;
    private final String bearer;
    private final SSLContext tls;
    private final HttpClient http;

    public DpClient(URI url, String fingerprint, String bearer) {
        String text = url.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("a DP is reached over https, not " + url);
        }
        this.bearer = bearer;
        this.tls = PinnedTls.context(fingerprint);
        this.http = HttpClient.newBuilder().sslContext(tls)
                .connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI url() {
        return base;
    }

    /** What the DP holds of this content: whether whole, else how many bytes arrived. */
    public record UploadState(boolean complete, long offset) {
    }

    public UploadState uploadState(String sha256) throws IOException {
        HttpResponse<String> response = send(request("admin/upload/" + sha256).GET(), 200);
        return new UploadState(response.headers().firstValue(DpProtocol.UPLOAD_COMPLETE).orElse("").equals("true"),
                response.headers().firstValueAsLong(DpProtocol.UPLOAD_OFFSET).orElse(0));
    }

    /**
     * Sends the file's bytes from where the DP's copy stops; {@code sent} hears each byte sent.
     * Returns once the DP has the content whole and checked.
     *
     * <p>The body goes over a blocking TLS socket ({@link HttpsURLConnection}, fixed length) from
     * one thread, in 1 MiB writes: the asynchronous {@link HttpClient} handed every 16 KiB piece
     * between its threads and allocated buffers for each, which cost more CPU than the encryption
     * itself and, on a busy machine, waited for a thread at every hand-over (issue 20's profile).
     */
    public void upload(String sha256, Path file, long size, LongConsumer sent) throws IOException {
        UploadState state = uploadState(sha256);
        if (state.complete()) {
            return;
        }
        long offset = state.offset();
        HttpsURLConnection put = (HttpsURLConnection) base.resolve("admin/upload/" + sha256 + "?size=" + size).toURL()
                .openConnection(Proxy.NO_PROXY);
        try {
            put.setSSLSocketFactory(tls.getSocketFactory());
            put.setHostnameVerifier(PINNED_NOT_NAMED);
            put.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            put.setReadTimeout((int) UPLOAD_ANSWER_TIMEOUT.toMillis());
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setUseCaches(false);
            put.setRequestProperty("Authorization", "Bearer " + bearer);
            put.setRequestProperty(DpProtocol.UPLOAD_OFFSET, Long.toString(offset));
            put.setRequestProperty("Content-Type", "application/octet-stream");
            put.setFixedLengthStreamingMode(size - offset);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    OutputStream body = connect(put)) {
                copyRange(channel, offset, size - offset, body, sent);
            }
            int status = answerStatus(put);
            if (status != 201 && status != 200) {
                InputStream answer = status >= 400 ? put.getErrorStream() : put.getInputStream();
                String text = answer == null ? "" : new String(answer.readNBytes(4096), StandardCharsets.UTF_8).strip();
                throw new DpException(status, base + " answered " + status + (text.isEmpty() ? "" : ": " + text));
            }
        } finally {
            put.disconnect();
        }
    }

    /** Writes {@code length} bytes of the file from {@code offset}; a file shorter than that is an error. */
    private static void copyRange(FileChannel channel, long offset, long length, OutputStream out, LongConsumer sent)
            throws IOException {
        byte[] buffer = new byte[UPLOAD_BUFFER_BYTES];
        long position = offset;
        long left = length;
        while (left > 0) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, left));
            int read = channel.read(chunk, position);
            if (read < 0) {
                throw new IOException("the file ended at byte " + position + ": it shrank while it was sent");
            }
            out.write(buffer, 0, read);
            position += read;
            left -= read;
            sent.accept(read);
        }
    }

    /** Opens the request body, wording connection failures as {@link #send} does. */
    private OutputStream connect(HttpsURLConnection connection) throws IOException {
        try {
            return connection.getOutputStream();
        } catch (ConnectException | SocketTimeoutException e) {
            ConnectException worded = new ConnectException("cannot connect to " + base + " (is the DP running?)");
            worded.initCause(e);
            throw worded;
        } catch (SSLHandshakeException e) {
            throw new SSLHandshakeException("TLS with " + base + " failed: " + e.getMessage());
        }
    }

    private int answerStatus(HttpsURLConnection connection) throws IOException {
        try {
            return connection.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw new IOException(base + " did not answer within " + UPLOAD_ANSWER_TIMEOUT.toMinutes()
                    + " minutes after the upload", e);
        }
    }

    /**
     * Has the DP rebuild content from a version it holds: sends the recipe, then the target's
     * bytes the recipe says are sent, read from {@code target}; {@code sent} hears each byte.
     * Returns once the DP holds the rebuilt content, checked; a {@link DpException} 409 or 422
     * means it could not (no base, or a result with the wrong hash) and kept nothing.
     */
    public void rebuild(DeltaRecipe recipe, Path target, LongConsumer sent) throws IOException {
        byte[] head = recipe.toBytes();
        long length = head.length + recipe.sentBytes();
        BodyPublisher body = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
            sent.accept(head.length);
            return new SequenceInputStream(new ByteArrayInputStream(head), new SentPieces(recipe, target, sent));
        }), length);
        HttpRequest put = HttpRequest.newBuilder(base.resolve("admin/rebuild/" + recipe.targetSha256()))
                .header("Authorization", "Bearer " + bearer).PUT(body).build();
        HttpResponse<String> response = sendRaw(put);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw failure(response);
        }
    }

    /** The target's bytes that travel in a delta, in recipe order, read from the target file. */
    private static final class SentPieces extends BlockInputStream {
        private final FileChannel file;
        private final java.util.Iterator<DeltaRecipe.Piece> pieces;
        private final LongConsumer sent;
        private long position;
        private BoundedInputStream current;

        SentPieces(DeltaRecipe recipe, Path target, LongConsumer sent) {
            try {
                this.file = FileChannel.open(target, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            this.pieces = recipe.pieces().iterator();
            this.sent = sent;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (current == null || current.remaining() == 0) {
                if (!pieces.hasNext()) {
                    return -1;
                }
                DeltaRecipe.Piece piece = pieces.next();
                if (piece.sent()) {
                    current = new BoundedInputStream(Channels.newInputStream(file.position(position)), piece.length());
                }
                position += piece.length();
            }
            int read = current.read(b, off, len);
            if (read < 0) {
                throw new IOException("the new version shrank while its delta was sent");
            }
            sent.accept(read);
            return read;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    public void putManifest(PackageManifest manifest) throws IOException {
        send(request("admin/packages/" + manifest.packageId() + "/" + manifest.version())
                .PUT(BodyPublishers.ofByteArray(manifest.toBytes())), 201);
    }

    public void removePackage(String packageId) throws IOException {
        send(request("admin/packages/" + packageId).DELETE(), 200);
    }

    /** The highest version of each package the DP holds. */
    public Map<String, Integer> packages() throws IOException {
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String line : send(request("admin/packages").GET(), 200).body().lines().toList()) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                versions.put(parts[0], Integer.valueOf(parts[1]));
            }
        }
        return versions;
    }

    /** The DP's validation of a package: valid or not, and its report in words. */
    public record Validation(boolean valid, String report) {
    }

    public Validation validate(String packageId) throws IOException {
        HttpResponse<String> response = send(request("admin/validate/" + packageId)
                .POST(BodyPublishers.noBody()).timeout(Duration.ofHours(6)), 200);
        return new Validation(response.headers().firstValue(DpProtocol.VALIDATION).orElse("").equals("valid"),
                response.body().strip());
    }

    /** Tells the DP an image's architecture and languages, for pre-caching clients. */
    public void describeImage(ImageDescription description) throws IOException {
        send(request("admin/images/" + description.packageId()).PUT(BodyPublishers.ofString(description.toBody())), 200);
    }

    /** The images this client's token opens that the DP holds, with their architecture and languages. */
    public List<ImageDescription> images() throws IOException {
        List<ImageDescription> images = new ArrayList<>();
        for (String line : send(request("images").GET(), 200).body().lines().toList()) {
            if (!line.isBlank()) {
                try {
                    images.add(ImageDescription.fromLine(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(base + " listed an unreadable image: " + e.getMessage(), e);
                }
            }
        }
        return images;
    }

    public void setDownloadKey(String keyHex) throws IOException {
        send(request("admin/download-key").PUT(BodyPublishers.ofString(keyHex)), 200);
    }

    /** The package's highest version as the DP has it. */
    public PackageManifest manifest(String packageId) throws IOException {
        return manifestAt("packages/" + packageId, packageId);
    }

    public PackageManifest manifest(String packageId, int version) throws IOException {
        return manifestAt("packages/" + packageId + "/" + version, packageId);
    }

    /**
     * Tells a pull-DP to take this package version from another DP (with a token for it there);
     * returns when it holds it whole and checked.
     */
    public void pull(PackageManifest manifest, URI source, String sourceFingerprint, String token) throws IOException {
        String body = "url " + source + "\nfingerprint " + sourceFingerprint + "\ntoken " + token + "\n";
        send(request("admin/pull/" + manifest.packageId() + "/" + manifest.version()).timeout(Duration.ofHours(12))
                .POST(BodyPublishers.ofString(body)), 201);
    }

    /**
     * How far a pull-DP's pull of this package version is: bytes held of it so far, or empty when
     * no pull of it runs there (not started yet, or ended) or the total is not known yet.
     */
    public java.util.Optional<Long> pullProgress(PackageManifest manifest) throws IOException {
        HttpResponse<String> response = sendRaw(request("admin/pull/" + manifest.packageId() + "/" + manifest.version())
                .GET().build());
        if (response.statusCode() == 404) {
            return java.util.Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure(response);
        }
        String[] parts = response.headers().firstValue(DpProtocol.PULL_PROGRESS).orElse("").split("/");
        try {
            return parts.length == 2 && Long.parseLong(parts[1]) >= 0 ? java.util.Optional.of(Long.parseLong(parts[0]))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            throw new IOException(base + " sent an unreadable " + DpProtocol.PULL_PROGRESS + " header", e);
        }
    }

    private PackageManifest manifestAt(String path, String packageId) throws IOException {
        String body = send(request(path).GET(), 200).body();
        try {
            return PackageManifest.fromBytes(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("the DP sent an unreadable manifest for " + packageId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads content into {@code partial}, continuing after the bytes it already holds
     * (an HTTP range request); the caller completes it, which checks the hash.
     */
    public void download(PartialContent partial, long size, ContentProgress progress) throws IOException {
        long offset = partial.length();
        if (offset >= size) {
            return;
        }
        HttpRequest.Builder get = HttpRequest.newBuilder(base.resolve("content/" + partial.sha256()))
                .header("Authorization", "Bearer " + bearer).GET();
        if (offset > 0) {
            get.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response = send(get.build(), BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int expected = offset > 0 ? 206 : 200;
            if (response.statusCode() != expected) {
                throw new DpException(response.statusCode(), new String(body.readNBytes(4096), StandardCharsets.UTF_8).strip());
            }
            partial.append(body, progress);
        }
    }

    /**
     * A request of the multicast interface ({@code DpProtocol}): the DP's answer, whatever its
     * status, for the caller to read (a refusal's body says why).
     */
    public HttpResponse<byte[]> exchange(String method, String path, String body) throws IOException {
        return send(request(path).method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build(), BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                .timeout(SMALL_REQUEST_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) throws IOException {
        HttpResponse<String> response = sendRaw(request.build());
        if (response.statusCode() != expectedStatus) {
            throw failure(response);
        }
        return response;
    }

    private HttpResponse<String> sendRaw(HttpRequest request) throws IOException {
        return send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends, wording the JDK's bare connection failures ("ConnectException: null") for the admin. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to " + base);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            ConnectException worded = new ConnectException("cannot connect to " + base + " (is the DP running?)");
            worded.initCause(e);
            throw worded;
        } catch (SSLHandshakeException e) {
            throw new SSLHandshakeException("TLS with " + base + " failed: " + e.getMessage());
        } catch (IOException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new IOException("connection to " + base + " failed: " + e, e);
            }
            throw e;
        }
    }

    private DpException failure(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        return new DpException(response.statusCode(), base + " answered " + response.statusCode()
                + (body.isEmpty() ? "" : ": " + body));
    }
}
