package org.fenestra.compress.lzx;

import java.util.Objects;

import org.fenestra.compress.FrameCompressor;

/**
 * LZX encoder, MS-CAB variant (the format {@link LzxFrameDecompressor} reads): frames of
 * 32768 bytes (the last may be shorter) of one folder, each compressed into its own CFDATA
 * block. Matches stay within their frame (a valid, if smaller, use of the window); code
 * lengths and recent offsets carry from frame to frame as the decoder expects.
 */
public final class LzxFrameCompressor implements FrameCompressor {

    private static final int FRAME_SIZE = 32768;
    private static final int MAX_E8_FRAMES = 32768;

    private final LzxCompressor encoder;
    private final int e8FileSize;
    private long position;
    private int frames;
    private boolean ended;

    /**
     * @param windowOrder 15 to 21, the folder's window
     * @param level       as for the WIM compressor
     * @param e8FileSize  E8 translation size written in the stream header; 0 for none
     */
    public LzxFrameCompressor(int windowOrder, int level, int e8FileSize) {
        if (windowOrder < 15 || windowOrder > 21) {
            throw new IllegalArgumentException("unsupported LZX window order " + windowOrder);
        }
        this.encoder = new LzxCompressor(1 << windowOrder, level, true);
        this.e8FileSize = e8FileSize;
    }

    @Override
    public int compressFrame(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstCapacity, dst.length);
        if (srcLen < 1 || srcLen > FRAME_SIZE || ended) {
            throw new IllegalArgumentException(ended ? "a frame follows a frame shorter than " + FRAME_SIZE
                    : "LZX frame of " + srcLen + " bytes (1 to " + FRAME_SIZE + ")");
        }
        if (dstCapacity < maxCompressedSize(srcLen)) {
            throw new IllegalArgumentException("output capacity " + dstCapacity + " below " + maxCompressedSize(srcLen));
        }
        int e8 = frames < MAX_E8_FRAMES ? e8FileSize : 0;
        int n = encoder.compressCabFrame(src, srcOff, srcLen, dst, dstOff, frames == 0, (int) position, e8);
        position += srcLen;
        frames++;
        ended = srcLen < FRAME_SIZE;
        return n;
    }

    @Override
    public int maxCompressedSize(int frameSize) {
        return frameSize + 32;
    }
}
