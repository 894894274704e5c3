package org.fenestra.cab.internal.read;

/** Uncompressed folders: a block's data is its output. */
final class StoredBlockDecoder implements BlockDecoder {

    @Override
    public String decode(byte[] src, int srcLen, byte[] dst, int dstLen) {
        if (srcLen != dstLen) {
            return "an uncompressed block holds " + srcLen + " bytes but says " + dstLen;
        }
        System.arraycopy(src, 0, dst, 0, dstLen);
        return null;
    }
}
