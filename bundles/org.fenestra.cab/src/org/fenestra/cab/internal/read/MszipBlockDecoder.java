package org.fenestra.cab.internal.read;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * MSZIP: each block is {@code "CK"} and a raw DEFLATE stream that may refer back into the
 * previous 32 KiB of the folder's output, so the history is carried from block to block as
 * the inflater's preset dictionary (raw inflate accepts one right after a reset).
 */
final class MszipBlockDecoder implements BlockDecoder {

    private static final int HISTORY = 32768;

    private final Inflater inflater = new Inflater(true);
    private final byte[] history = new byte[HISTORY];
    private int historyLength;

    @Override
    public String decode(byte[] src, int srcLen, byte[] dst, int dstLen) {
        if (srcLen < 2 || src[0] != 'C' || src[1] != 'K') {
            return "an MSZIP block does not start with its \"CK\" signature";
        }
        inflater.reset();
        if (historyLength > 0) {
            inflater.setDictionary(history, HISTORY - historyLength, historyLength);
        }
        inflater.setInput(src, 2, srcLen - 2);
        int produced = 0;
        try {
            while (produced < dstLen) {
                long consumed = inflater.getBytesRead();
                int n = inflater.inflate(dst, produced, dstLen - produced);
                // No output and no input taken (finished, input used up, or stuck): the block is short.
                if (n == 0 && (inflater.getBytesRead() == consumed || inflater.finished() || inflater.needsInput()
                        || inflater.needsDictionary())) {
                    return "an MSZIP block gives " + produced + " bytes but says " + dstLen;
                }
                produced += n;
            }
        } catch (DataFormatException e) {
            return "an MSZIP block does not inflate (" + e.getMessage() + ")";
        }
        remember(dst, dstLen);
        return null;
    }

    private void remember(byte[] out, int len) {
        if (len >= HISTORY) {
            System.arraycopy(out, len - HISTORY, history, 0, HISTORY);
            historyLength = HISTORY;
            return;
        }
        System.arraycopy(history, len, history, 0, HISTORY - len);
        System.arraycopy(out, 0, history, HISTORY - len, len);
        historyLength = Math.min(HISTORY, historyLength + len);
    }

    @Override
    public void close() {
        inflater.end();
    }
}
