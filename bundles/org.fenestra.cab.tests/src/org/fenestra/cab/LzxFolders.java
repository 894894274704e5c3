package org.fenestra.cab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fenestra.compress.FrameCompressor;
import org.fenestra.compress.codecs.Compressors;

/** LZX folders made with our LZX compressor in CAB framing: one CFDATA block per 32 KiB frame. */
final class LzxFolders {

    private LzxFolders() {
    }

    static int typeCompress(int windowOrder) {
        return 3 | windowOrder << 8;
    }

    static CabBuilder.Folder compress(byte[] data, int windowOrder, int e8FileSize) {
        FrameCompressor frames = Compressors.lzxFrames(windowOrder, 50, e8FileSize);
        List<CabBuilder.Block> blocks = new ArrayList<>();
        byte[] out = new byte[frames.maxCompressedSize(32768)];
        for (int p = 0; p < data.length; p += 32768) {
            int n = Math.min(32768, data.length - p);
            int size = frames.compressFrame(data, p, n, out, 0, out.length);
            blocks.add(new CabBuilder.Block(Arrays.copyOf(out, size), n));
        }
        return new CabBuilder.Folder(typeCompress(windowOrder), blocks);
    }

    /** x86-like bytes: CALL (0xE8) instructions with nearby targets among other code-ish bytes. */
    static byte[] x86Like(long seed, int size) {
        java.util.Random r = new java.util.Random(seed);
        byte[] b = new byte[size];
        int p = 0;
        while (p < size) {
            if (r.nextInt(6) == 0 && p + 5 <= size) {
                int target = r.nextInt(4) == 0 ? r.nextInt(20_000_000) - 1000 : (p & ~0xFFF) + r.nextInt(4096);
                int rel = target - p;
                b[p] = (byte) 0xE8;
                b[p + 1] = (byte) rel;
                b[p + 2] = (byte) (rel >> 8);
                b[p + 3] = (byte) (rel >> 16);
                b[p + 4] = (byte) (rel >> 24);
                p += 5;
            } else {
                b[p++] = (byte) (0x40 + r.nextInt(16) * (r.nextBoolean() ? 1 : 3));
            }
        }
        return b;
    }
}
