package org.fenestra.wim.internal.format;

import java.util.HashMap;
import java.util.Map;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Decompressors;
import org.fenestra.wim.errors.UnsupportedWimException;

/** One decompressor per thread, format and chunk size (decompressors are not thread-safe). */
public final class ChunkDecoders {
    private record Key(CompressionType type, int chunkSize) {
    }

    private static final ThreadLocal<Map<Key, ChunkDecompressor>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private ChunkDecoders() {
    }

    public static ChunkDecompressor forCurrentThread(Resource r) throws UnsupportedWimException {
        Key key = new Key(r.compression(), r.chunkSize());
        Map<Key, ChunkDecompressor> map = CACHE.get();
        ChunkDecompressor d = map.get(key);
        if (d == null) {
            try {
                d = Decompressors.create(key.type(), key.chunkSize());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new UnsupportedWimException(r.source().describe(r.describe(), r.offset(),
                        "no decompressor for " + key.type() + " with chunk size " + key.chunkSize() + ": "
                                + e.getMessage()), e);
            }
            map.put(key, d);
        }
        return d;
    }
}
