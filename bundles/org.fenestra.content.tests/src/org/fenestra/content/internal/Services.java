package org.fenestra.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.fenestra.catalog.testing.TestServices;

/** The services DS publishes in the test framework, and a file hash for "the source did not change". */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type) throws Exception {
        return TestServices.get(type, WimImageImporter.class);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
