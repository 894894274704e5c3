package org.fenestra.distribution.api;

/**
 * What travelled from the site to one DP to install an image's content there.
 *
 * @param bytesSent   bytes the site sent in this distribution (recipe and data of a delta included)
 * @param contentSize the size of the image's content
 * @param method      how the content got there
 * @param note        in words, e.g. why a delta fell back to a whole transfer; empty when nothing to say
 * @since 0.2
 */
public record ContentTransfer(String imageId, String dpName, long bytesSent, long contentSize, Method method,
        String note) {

    public enum Method {
        /** The file was sent (or its missing part, continuing an interrupted transfer). */
        WHOLE,
        /** The DP rebuilt the new version from the one it held and the WIM resources it lacked. */
        DELTA,
        /** The DP already held the content. */
        NOTHING_NEEDED,
        /** A pull-DP took it from its source DP; the site sent nothing. */
        PULLED
    }

    /** "1.2 MB sent (WIM delta; 2.1% of 56.0 MB)" and the like. */
    public String describe() {
        String what = switch (method) {
            case WHOLE -> "whole";
            case DELTA -> "WIM delta";
            case NOTHING_NEEDED -> "already there";
            case PULLED -> "pulled from its source DP";
        };
        String share = contentSize == 0 ? "" : String.format("; %.1f%% of %s", 100.0 * bytesSent / contentSize,
                megabytes(contentSize));
        return megabytes(bytesSent) + " sent (" + what + share + ")" + (note.isEmpty() ? "" : ": " + note);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
