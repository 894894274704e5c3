package org.fenestra.compress.huffman;

/**
 * Assigns canonical codewords to codeword lengths, the same assignment {@link DecodeTable}
 * decodes: by increasing length, then increasing symbol; codewords are sent most
 * significant bit first.
 */
public final class CanonicalCode {

    private CanonicalCode() {
    }

    /**
     * Fills {@code codewords[0..numSyms)} from {@code lens}; symbols of length 0 get no
     * codeword. The lengths must form a prefix code with lengths up to {@code maxLen} (as
     * {@link CodeLengthBuilder} produces).
     */
    public static void assign(byte[] lens, int numSyms, int maxLen, int[] codewords) {
        int[] next = new int[maxLen + 2];
        int[] count = new int[maxLen + 1];
        for (int s = 0; s < numSyms; s++) {
            count[lens[s]]++;
        }
        count[0] = 0;
        int code = 0;
        for (int len = 1; len <= maxLen; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < numSyms; s++) {
            int len = lens[s];
            if (len != 0) {
                codewords[s] = next[len]++;
            }
        }
    }
}
