package org.fenestra.distribution.internal.dp;

/**
 * The one byte range of an HTTP {@code Range} header the DP honours ({@code bytes=a-b},
 * {@code bytes=a-}, {@code bytes=-n}); anything else (several ranges, other units) is answered
 * with the whole content, as RFC 9110 allows.
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /**
     * @return null for the whole content
     * @throws Refusal 416 when the range lies wholly after the content
     */
    static ByteRange parse(String header, long size) throws Refusal {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).strip();
            String to = spec.substring(dash + 1).strip();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(size);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Refusal unsatisfiable(long size) {
        return new Refusal(416, "the range lies outside the content's " + size + " bytes");
    }
}
