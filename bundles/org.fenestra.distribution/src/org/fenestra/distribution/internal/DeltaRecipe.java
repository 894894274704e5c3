package org.fenestra.distribution.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a DP rebuilds a new version of a file from the version it holds (the base) and the bytes
 * the site sends: the target file front to back as pieces, each either "copy this range of the
 * base" or "the next bytes of the request". The site plans it (for WIMs, by resource SHA-1: see
 * {@code WimDeltaPlanner}); the DP needs no WIM knowledge to follow it, and publishes the result
 * only when its SHA-256 is the target's.
 *
 * <pre>
 * FENESTRA-DELTA 1
 * base   SHA256                      the content the DP already holds
 * target SHA256 SIZE                 what the rebuilt file must be
 * c BASE_OFFSET LENGTH               copy from the base          (one line per piece, in target order)
 * s LENGTH                           the next LENGTH bytes sent after the recipe
 * end
 * </pre>
 * The recipe is ASCII, at most {@link #MAX_RECIPE_BYTES}; the sent bytes follow "end\n" directly.
 */
public record DeltaRecipe(String baseSha256, String targetSha256, long targetSize, List<Piece> pieces) {

    public static final int MAX_RECIPE_BYTES = 32 << 20;
    private static final String MAGIC = "FENESTRA-DELTA 1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One run of the target: from the base at {@code baseOffset}, or (sent) from the request. */
    public record Piece(boolean sent, long baseOffset, long length) {

        public static Piece copy(long baseOffset, long length) {
            return new Piece(false, baseOffset, length);
        }

        public static Piece sent(long length) {
            return new Piece(true, -1, length);
        }
    }

    public DeltaRecipe {
        pieces = List.copyOf(pieces);
        if (!SHA256.matcher(baseSha256).matches() || !SHA256.matcher(targetSha256).matches()) {
            throw new IllegalArgumentException("a delta names base and target by SHA-256");
        }
        long total = 0;
        for (Piece piece : pieces) {
            if (piece.length() <= 0 || (!piece.sent() && piece.baseOffset() < 0)) {
                throw new IllegalArgumentException("a delta piece has a positive length and, copied, an offset");
            }
            total = Math.addExact(total, piece.length());
        }
        if (total != targetSize) {
            throw new IllegalArgumentException("the pieces make " + total + " bytes, not the target's " + targetSize);
        }
    }

    /** The bytes that travel after the recipe. */
    public long sentBytes() {
        return pieces.stream().filter(Piece::sent).mapToLong(Piece::length).sum();
    }

    /** The end of the base the recipe reads: the base must be at least this long. */
    public long baseBytesNeeded() {
        return pieces.stream().filter(p -> !p.sent()).mapToLong(p -> p.baseOffset() + p.length()).max().orElse(0);
    }

    public byte[] toBytes() {
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        text.append("base ").append(baseSha256).append('\n');
        text.append("target ").append(targetSha256).append(' ').append(targetSize).append('\n');
        for (Piece piece : pieces) {
            if (piece.sent()) {
                text.append("s ").append(piece.length()).append('\n');
            } else {
                text.append("c ").append(piece.baseOffset()).append(' ').append(piece.length()).append('\n');
            }
        }
        return text.append("end\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a recipe from the front of {@code in}, leaving {@code in} at the first sent byte.
     *
     * @throws IllegalArgumentException when it is not a well-formed recipe (the words say where)
     * @throws IOException when {@code in} fails or ends inside the recipe
     */
    public static DeltaRecipe read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long read = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the delta ended inside its recipe");
            }
            if (++read > MAX_RECIPE_BYTES) {
                throw new IllegalArgumentException("a delta recipe is at most " + MAX_RECIPE_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            line.reset();
            if (text.equals("end")) {
                break;
            }
            lines.add(text);
        }
        if (lines.size() < 3 || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException("not a Fenestra delta recipe (version 1)");
        }
        String[] base = fields(lines.get(1), "base", 2);
        String[] target = fields(lines.get(2), "target", 3);
        List<Piece> pieces = new ArrayList<>();
        for (String text : lines.subList(3, lines.size())) {
            if (text.startsWith("c ")) {
                String[] f = fields(text, "c", 3);
                pieces.add(Piece.copy(number(f[1]), number(f[2])));
            } else {
                pieces.add(Piece.sent(number(fields(text, "s", 2)[1])));
            }
        }
        return new DeltaRecipe(base[1], target[1], number(target[2]), pieces);
    }

    private static String[] fields(String line, String keyword, int count) {
        String[] fields = line.split(" ", -1);
        if (fields.length != count || !fields[0].equals(keyword)) {
            throw new IllegalArgumentException("delta recipe line refused: " + abbreviate(line));
        }
        return fields;
    }

    private static long number(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("delta recipe number refused: " + abbreviate(text));
        }
        return Long.parseLong(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
