package org.fenestra.distribution.internal.client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentLibraryException;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.PartialContent;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;

/**
 * Downloads one package (an image's files) from a DP into a folder: each file into a partial
 * copy under {@code DEST/.fenestra-download/} that survives interruption (the next run continues
 * with a range request), hash-checked, then renamed to its place. Files already in place with the
 * right hash are kept.
 */
public final class ImageDownload {

    static final String WORK_FOLDER = ".fenestra-download";
    private static final int ATTEMPTS = 5;

    private final DpClient dp;
    private final PrintStream out;

    public ImageDownload(URI dpUrl, String fingerprint, String token, PrintStream out) {
        this.dp = new DpClient(dpUrl, fingerprint, token);
        this.out = out;
    }

    /** @return the manifest of what was downloaded */
    public PackageManifest download(String packageId, Path dest) throws IOException {
        PackageManifest manifest = dp.manifest(packageId);
        Files.createDirectories(dest);
        Path destination = dest.toRealPath();
        ContentLibrary work = ContentLibrary.open(destination.resolve(WORK_FOLDER));
        Map<String, Path> placed = new HashMap<>();
        for (PackageFile file : manifest.files()) {
            Path target = destination.resolve(file.path()).normalize();
            if (!target.startsWith(destination) || target.equals(destination)) {
                throw new IOException("the manifest names a path outside the destination: " + file.path());
            }
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == file.size()
                    && !placed.containsKey(file.sha256()) && hashOf(target).equals(file.sha256())) {
                out.println(file.path() + ": already here (SHA-256 checked)");
                placed.put(file.sha256(), target);
                continue;
            }
            Files.createDirectories(target.getParent());
            if (placed.containsKey(file.sha256())) {
                Files.copy(placed.get(file.sha256()), target, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            Path stored = fetch(work, file);
            Files.move(stored, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            placed.put(file.sha256(), target);
        }
        deleteTree(destination.resolve(WORK_FOLDER));
        out.println("Downloaded package " + packageId + " version " + manifest.version() + ": "
                + manifest.files().size() + " file(s), " + manifest.totalSize() + " bytes, SHA-256 verified");
        return manifest;
    }

    private Path fetch(ContentLibrary work, PackageFile file) throws IOException {
        if (work.contains(file.sha256())) {
            return work.find(file.sha256()).orElseThrow();
        }
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (PartialContent partial = work.partial(file.sha256(), file.size())) {
                long from = partial.length();
                out.println(file.path() + ": " + (from > 0 ? "continuing at byte " + from + " of " : "downloading ")
                        + file.size() + " bytes");
                out.flush();
                dp.download(partial, file.size(), ContentProgress.NONE);
                partial.complete(ContentProgress.NONE);
                return work.find(file.sha256()).orElseThrow();
            } catch (ContentLibraryException | DpException e) {
                throw e; // wrong bytes, refused, busy: trying again would not help
            } catch (IOException e) {
                last = e;
                out.println(file.path() + ": interrupted (" + e.getMessage() + "); attempt " + attempt + " of "
                        + ATTEMPTS);
                sleep(attempt);
            }
        }
        throw last;
    }

    private static String hashOf(Path file) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    digest.update(buffer, 0, read);
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(int attempt) throws IOException {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
