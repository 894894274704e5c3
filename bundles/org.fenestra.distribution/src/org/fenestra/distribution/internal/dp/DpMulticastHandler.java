package org.fenestra.distribution.internal.dp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.distribution.internal.DpProtocol;

/**
 * The DP's multicast requests, in front of {@link DpHandler} (which serves everything else):
 * a client with a deployment token asks to receive an image and gets its session ticket (group,
 * manifest, and the session key) over this HTTPS; the site sets the DP's and each image's multicast
 * settings and reads the sessions. An image set "only via multicast" is not served to token holders
 * over HTTPS.
 */
final class DpMulticastHandler extends Handler.Wrapper {

    private static final Pattern PACKAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern STREAM = Pattern.compile("[1-9]");

    private final DpHandler content;
    private final ContentLibrary library;
    private final DpMulticastSessions sessions;

    DpMulticastHandler(DpHandler content, ContentLibrary library, DpMulticastSessions sessions) {
        super(content);
        this.content = content;
        this.library = library;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        List<String> segments = path == null ? List.of() : List.of(path.substring(1).split("/", -1));
        String method = request.getMethod();
        try {
            if ((segments.size() == 2 || segments.size() == 3 && STREAM.matcher(segments.get(2)).matches())
                    && segments.get(0).equals("multicast") && method.equals("POST")
                    && PACKAGE_ID.matcher(segments.get(1)).matches()) {
                admit(request, response, segments.get(1), segments.size() == 3 ? Integer.parseInt(segments.get(2)) : 1);
                callback.succeeded();
                return true;
            }
            if (segments.size() >= 2 && segments.get(0).equals("admin") && segments.get(1).equals("multicast")) {
                content.requireSite(request);
                admin(request, response, method, segments);
                callback.succeeded();
                return true;
            }
            if (segments.size() == 2 && segments.get(0).equals("content") && SHA256.matcher(segments.get(1)).matches()) {
                refuseOnlyMulticast(request, segments.get(1));
            }
        } catch (Refusal refusal) {
            DpHandler.text(response, refusal.status, refusal.getMessage(), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private void admit(Request request, Response response, String packageId, int stream) throws Exception {
        String bearer = DpHandler.bearer(request);
        if (!content.isSite(bearer) && !content.tokenPackages(bearer).contains(packageId)) {
            throw new Refusal(403, "the token does not open package " + packageId);
        }
        PackageManifest manifest = library.manifest(packageId)
                .orElseThrow(() -> new Refusal(404, "no package " + packageId + " on this DP"));
        if (manifest.files().size() != 1) {
            throw new Refusal(409, "multicast sends one file; package " + packageId + " has " + manifest.files().size());
        }
        String sha256 = manifest.files().get(0).sha256();
        Path file = library.find(sha256).orElseThrow(() -> new Refusal(404, "no content " + sha256 + " here"));
        DpMulticastSessions.Admission admission = sessions.admit(packageId, file, stream);
        ByteArrayOutputStream ticket = new ByteArrayOutputStream();
        admission.ticket().writeTo(new DataOutputStream(ticket));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(DpProtocol.MULTICAST_FILE, manifest.files().get(0).path());
        response.getHeaders().put(DpProtocol.MULTICAST_ONLY, admission.onlyMulticast() ? "yes" : "no");
        response.getHeaders().put(DpProtocol.MULTICAST_START_WITHIN, admission.startWithin().toSeconds());
        response.getHeaders().put(DpProtocol.MULTICAST_STREAM, admission.stream() + "/" + admission.streams());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, ticket.size());
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            ticket.writeTo(out);
        }
    }

    private void admin(Request request, Response response, String method, List<String> segments) throws Exception {
        try {
            if (segments.size() == 2 && method.equals("PUT")) {
                sessions.setSettings(DpHandler.readSmallBody(request));
                text(response, "multicast settings kept\n");
            } else if (segments.size() == 3 && segments.get(2).equals("sessions") && method.equals("GET")) {
                text(response, sessions.report());
            } else if (segments.size() == 4 && segments.get(2).equals("packages") && method.equals("PUT")
                    && PACKAGE_ID.matcher(segments.get(3)).matches()) {
                sessions.setPackageSettings(segments.get(3), DpHandler.readSmallBody(request));
                text(response, "multicast settings of " + segments.get(3) + " kept\n");
            } else {
                throw new Refusal(404, "no such resource");
            }
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "settings refused: " + e.getMessage());
        }
    }

    /** A token holder may not download an image sent only via multicast (the site may, to pull). */
    private void refuseOnlyMulticast(Request request, String sha256) throws Exception {
        List<String> packageIds;
        try {
            String bearer = DpHandler.bearer(request);
            if (content.isSite(bearer)) {
                return;
            }
            packageIds = content.tokenPackagesHolding(bearer, sha256);
        } catch (Refusal unauthenticated) {
            return; // DpHandler refuses it with its own words
        }
        // refused when every image of the token that holds this content is sent only via multicast
        boolean onlyMulticast = !packageIds.isEmpty();
        for (String packageId : packageIds) {
            onlyMulticast &= sessions.packageSettings(packageId).onlyMulticast();
        }
        if (onlyMulticast) {
            throw new Refusal(403, "image " + String.join(", ", packageIds) + " is sent only via multicast: receive it with "
                    + "fenestra client receive");
        }
    }

    private static void text(Response response, String text) throws Exception {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(bytes);
        }
    }
}
