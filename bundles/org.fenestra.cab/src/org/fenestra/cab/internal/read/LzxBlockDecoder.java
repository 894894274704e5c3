package org.fenestra.cab.internal.read;

import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.FrameDecompressor;
import org.fenestra.compress.codecs.Decompressors;

/** LZX folders: each CFDATA block is one frame of the folder's LZX stream (our codec's CAB flavour). */
final class LzxBlockDecoder implements BlockDecoder {

    private final FrameDecompressor frames;

    LzxBlockDecoder(int windowOrder) {
        this.frames = Decompressors.lzxFrames(windowOrder);
    }

    @Override
    public String decode(byte[] src, int srcLen, byte[] dst, int dstLen) {
        try {
            frames.decompressFrame(src, 0, srcLen, dst, 0, dstLen);
            return null;
        } catch (CorruptChunkException e) {
            return e.getMessage();
        }
    }
}
