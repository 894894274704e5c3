package org.fenestra.content.library;

/**
 * One stored file that is not what it should be: which, what was expected, what was found.
 *
 * @param path           the file's path in its package, or the SHA-256 itself when no package names it
 * @param expectedSha256 the SHA-256 the content is stored under
 * @param expectedSize   the size the manifest records, or -1 when none does
 * @param kind           missing, the wrong size, or the wrong hash
 * @param found          what was found instead, in words ("1024 bytes", "SHA-256 ab12…"), empty when missing
 * @since 0.1
 */
public record ContentProblem(String path, String expectedSha256, long expectedSize, Kind kind, String found) {

    /** What is wrong with the file. */
    public enum Kind {
        MISSING, WRONG_SIZE, WRONG_HASH
    }

    /** One line for the admin: {@code boot/boot.wim: expected SHA-256 …(4096 bytes), found SHA-256 …}. */
    public String message() {
        String expected = "SHA-256 " + expectedSha256 + (expectedSize >= 0 ? " (" + expectedSize + " bytes)" : "");
        return switch (kind) {
            case MISSING -> path + ": missing, expected " + expected;
            case WRONG_SIZE -> path + ": expected " + expected + ", found " + found;
            case WRONG_HASH -> path + ": expected " + expected + ", found " + found;
        };
    }
}
