package org.fenestra.compress;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A resource committed under {@code data/} (written by wimlib-imagex), with its
 * {@code .properties}: type, chunkSize, solid, uncompressedSize, sha1.
 */
record CommittedData(String name, CompressionType type, int chunkSize, boolean solid, long usize, String sha1,
        byte[] bytes) {

    static final String[] NAMES = {"xpress-4k", "lzx-32k", "lzms-32k", "lzms-solid"};

    static CommittedData load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("data", name + ".properties"))) {
            p.load(r);
        }
        return new CommittedData(name, CompressionType.valueOf(p.getProperty("type")),
                Integer.parseInt(p.getProperty("chunkSize")), Boolean.parseBoolean(p.getProperty("solid")),
                Long.parseLong(p.getProperty("uncompressedSize")), p.getProperty("sha1"),
                Files.readAllBytes(Path.of("data", name + ".res")));
    }

    WimResources.Resource resource() {
        return solid ? WimResources.readSolid(bytes, 0)
                : WimResources.readNonSolid(bytes, 0, bytes.length, usize, chunkSize);
    }
}
