package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.DeltaRecipe.Piece;
import org.fenestra.wim.WimBlobInfo;
import org.fenestra.wim.WimBlobTable;
import org.fenestra.wim.WimFile;

/**
 * Plans how a DP rebuilds a new WIM from the version it holds. WIM resources are addressed by
 * the SHA-1 of their data: a resource of the new WIM whose SHA-1 the old one has, stored as the
 * same bytes, is copied on the DP from the old file; everything else (header, new resources,
 * metadata, blob table, XML, integrity table) is sent. Solid resources hold many blobs under no
 * single hash and are sent. Equal SHA-1 does not promise equal stored bytes (another compressor,
 * chunk size), so each copy is checked here against both files before it goes in the recipe:
 * the rebuilt file comes out right unless the DP's old copy is damaged, which its SHA-256 check
 * catches.
 */
final class WimDeltaPlanner {

    /** A delta that sends more than this share of the file is not worth a rebuild on the DP. */
    private static final double WORTHWHILE_SHARE = 0.9;
    private static final int COMPARE_BUFFER = 1 << 20;

    private WimDeltaPlanner() {
    }

    /** The recipe, or empty when either file is not a WIM this understands or too little is shared. */
    static Optional<DeltaRecipe> plan(Path base, String baseSha256, Path target, String targetSha256)
            throws IOException {
        Map<String, List<WimBlobInfo>> baseResources;
        List<WimBlobInfo> targetResources;
        try (WimFile baseWim = WimFile.open(base); WimFile targetWim = WimFile.open(target)) {
            if (baseWim.header().totalParts() != 1 || targetWim.header().totalParts() != 1) {
                return Optional.empty();
            }
            baseResources = new HashMap<>();
            for (WimBlobInfo blob : resources(baseWim.blobTable())) {
                baseResources.computeIfAbsent(key(blob), k -> new ArrayList<>()).add(blob);
            }
            targetResources = resources(targetWim.blobTable());
        } catch (IOException | RuntimeException e) {
            // not a (whole, readable) WIM: the caller sends the file whole
            return Optional.empty();
        }
        targetResources.sort(Comparator.comparingLong(WimBlobInfo::offset));
        long targetSize = Files.size(target);
        List<Piece> pieces = new ArrayList<>();
        try (FileChannel baseFile = FileChannel.open(base, StandardOpenOption.READ);
                FileChannel targetFile = FileChannel.open(target, StandardOpenOption.READ)) {
            long baseSize = baseFile.size();
            long position = 0;
            for (WimBlobInfo resource : targetResources) {
                if (resource.offset() < position || resource.offset() + resource.compressedSize() > targetSize) {
                    continue; // overlaps a resource already placed, or lies outside the file: sent
                }
                Optional<WimBlobInfo> same = sameStoredBytes(resource, baseResources.get(key(resource)), baseFile,
                        baseSize, targetFile);
                if (same.isEmpty()) {
                    continue;
                }
                add(pieces, resource.offset() - position, -1);
                add(pieces, resource.compressedSize(), same.get().offset());
                position = resource.offset() + resource.compressedSize();
            }
            add(pieces, targetSize - position, -1);
        }
        DeltaRecipe recipe = new DeltaRecipe(baseSha256, targetSha256, targetSize, pieces);
        return recipe.sentBytes() > WORTHWHILE_SHARE * targetSize ? Optional.empty() : Optional.of(recipe);
    }

    /** Adds a piece, joining it to the previous one when they continue each other. */
    private static void add(List<Piece> pieces, long length, long baseOffset) {
        if (length <= 0) {
            return;
        }
        boolean sent = baseOffset < 0;
        Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last != null && last.sent() && sent) {
            pieces.set(pieces.size() - 1, Piece.sent(last.length() + length));
        } else if (last != null && !last.sent() && !sent && last.baseOffset() + last.length() == baseOffset) {
            pieces.set(pieces.size() - 1, Piece.copy(last.baseOffset(), last.length() + length));
        } else {
            pieces.add(sent ? Piece.sent(length) : Piece.copy(baseOffset, length));
        }
    }

    /** The non-solid, non-empty resources (metadata and data), each stored range once. */
    private static List<WimBlobInfo> resources(WimBlobTable table) {
        List<WimBlobInfo> all = new ArrayList<>();
        for (List<WimBlobInfo> list : List.of(table.metadata(), table.data())) {
            for (WimBlobInfo blob : list) {
                if (!blob.solid() && blob.compressedSize() > 0) {
                    all.add(blob);
                }
            }
        }
        return all;
    }

    private static String key(WimBlobInfo blob) {
        return HexFormat.of().formatHex(blob.hash()) + "/" + blob.compressedSize() + "/" + blob.resourceFlags();
    }

    private static Optional<WimBlobInfo> sameStoredBytes(WimBlobInfo resource, List<WimBlobInfo> candidates,
            FileChannel baseFile, long baseSize, FileChannel targetFile) throws IOException {
        if (candidates == null) {
            return Optional.empty();
        }
        for (WimBlobInfo candidate : candidates) {
            if (candidate.offset() + candidate.compressedSize() <= baseSize
                    && equalRanges(baseFile, candidate.offset(), targetFile, resource.offset(), resource.compressedSize())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean equalRanges(FileChannel a, long aOffset, FileChannel b, long bOffset, long length)
            throws IOException {
        ByteBuffer left = ByteBuffer.allocate((int) Math.min(COMPARE_BUFFER, length));
        ByteBuffer right = ByteBuffer.allocate(left.capacity());
        for (long done = 0; done < length;) {
            int chunk = (int) Math.min(left.capacity(), length - done);
            if (!readFully(a, aOffset + done, left, chunk) || !readFully(b, bOffset + done, right, chunk)) {
                return false;
            }
            if (!Arrays.equals(left.array(), 0, chunk, right.array(), 0, chunk)) {
                return false;
            }
            done += chunk;
        }
        return true;
    }

    private static boolean readFully(FileChannel channel, long position, ByteBuffer buffer, int length)
            throws IOException {
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return false;
            }
        }
        return true;
    }
}
