package org.fenestra.distribution.internal.dp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PartialContent;
import org.fenestra.content.library.StoredContent;
import org.fenestra.distribution.internal.BoundedInputStream;
import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.DeltaRecipe.Piece;

/**
 * The DP following a {@link DeltaRecipe}: the target is written into its partial copy piece by
 * piece, from the base it holds and the bytes that follow the recipe, and enters the library only
 * when its SHA-256 is the target's. Whatever goes wrong (a damaged base, a short request, a
 * dropped connection) the partial copy is dropped, so a whole transfer afterwards starts clean.
 */
final class DeltaRebuild {

    private final ContentLibrary library;

    DeltaRebuild(ContentLibrary library) {
        this.library = library;
    }

    /** Rebuilds the target; {@code sent} is positioned at the first byte after the recipe. */
    StoredContent rebuild(DeltaRecipe recipe, InputStream sent) throws IOException, Refusal {
        Path base = library.find(recipe.baseSha256()).orElseThrow(() -> new Refusal(409,
                "delta refused: the base content " + recipe.baseSha256() + " is not here"));
        if (Files.size(base) < recipe.baseBytesNeeded()) {
            throw new Refusal(409, "delta refused: the base content here is shorter than the recipe reads");
        }
        PartialContent partial = library.partial(recipe.targetSha256(), recipe.targetSize());
        try {
            if (partial.length() > 0) {
                // a leftover of an earlier transfer: the recipe writes the file from its first byte
                partial.discard();
                partial = library.partial(recipe.targetSha256(), recipe.targetSize());
            }
            try (FileChannel baseFile = FileChannel.open(base, StandardOpenOption.READ)) {
                for (Piece piece : recipe.pieces()) {
                    InputStream source = piece.sent() ? sent : Channels.newInputStream(baseFile.position(piece.baseOffset()));
                    long before = partial.length();
                    partial.append(new BoundedInputStream(source, piece.length()), ContentProgress.NONE);
                    if (partial.length() - before != piece.length()) {
                        throw new IOException("delta: a piece of " + piece.length() + " bytes ended after "
                                + (partial.length() - before));
                    }
                }
            }
            return partial.complete(ContentProgress.NONE);
        } catch (IOException | RuntimeException e) {
            partial.discard();
            throw e;
        } finally {
            partial.close();
        }
    }
}
