import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.fenestra.compress.FrameCompressor;
import org.fenestra.compress.codecs.Compressors;

/**
 * Writes the cabinet seeds no Debian tool makes (run by make-seeds.sh with the engine's classes):
 * LZX folders (our compressor in CAB framing, E8 on, two frames) and one cabinet holding an
 * MSZIP, an LZX and a stored folder with reserve areas. Usage: java -cp CLASSES CabSeeds.java DIR
 */
public class CabSeeds {

    record Block(byte[] data, int size) {
    }

    record Folder(int typeCompress, List<Block> blocks) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] text = text(40_000);
        Files.write(dir.resolve("lzx15.cab"), cabinet(false, List.of(lzx(text, 15)), List.of(text.length)));
        Files.write(dir.resolve("lzx21.cab"), cabinet(false, List.of(lzx(text, 21)), List.of(1000, text.length - 1000)));
        byte[] small = Arrays.copyOf(text, 3000);
        Files.write(dir.resolve("three-folders.cab"), cabinet(true,
                List.of(mszip(small), lzx(small, 16), stored(Arrays.copyOf(small, 300))), List.of(3000, 3000, 300)));
    }

    static byte[] text(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < n; i++) {
            s.append("<assemblyIdentity name=\"Package_").append(i % 37).append("\" version=\"10.0.").append(i)
                    .append("\"/>\r\n").append((char) 0xE8).append("\u0001\u0002\u0003\u0004");
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.ISO_8859_1), n);
    }

    static Folder lzx(byte[] data, int order) {
        FrameCompressor f = Compressors.lzxFrames(order, 50, 12_000_000);
        List<Block> blocks = new ArrayList<>();
        byte[] out = new byte[f.maxCompressedSize(32768)];
        for (int p = 0; p < data.length; p += 32768) {
            int n = Math.min(32768, data.length - p);
            blocks.add(new Block(Arrays.copyOf(out, f.compressFrame(data, p, n, out, 0, out.length)), n));
        }
        return new Folder(3 | order << 8, blocks);
    }

    static Folder mszip(byte[] data) {
        Deflater d = new Deflater(9, true);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + 64];
        out[0] = 'C';
        out[1] = 'K';
        int n = d.deflate(out, 2, out.length - 2);
        return new Folder(1, List.of(new Block(Arrays.copyOf(out, 2 + n), data.length)));
    }

    static Folder stored(byte[] data) {
        return new Folder(0, List.of(new Block(data, data.length)));
    }

    /** One file per folder when the counts match, else all files in folder 0; named dir\\fN.txt. */
    static byte[] cabinet(boolean reserve, List<Folder> folders, List<Integer> fileSizes) {
        int headerSize = 36 + (reserve ? 4 + 6 : 0);
        int folderSize = 8 + (reserve ? 2 : 0);
        int dataReserve = reserve ? 3 : 0;
        ByteArrayOutputStream files = new ByteArrayOutputStream();
        long offset = 0;
        int folder = 0;
        for (int i = 0; i < fileSizes.size(); i++) {
            if (folders.size() == fileSizes.size()) {
                folder = i;
                offset = 0;
            }
            ByteBuffer f = le(16).putInt(fileSizes.get(i)).putInt((int) offset).putShort((short) folder)
                    .putShort((short) 0x5921).putShort((short) 0x6000).putShort((short) 0x20);
            files.writeBytes(f.array());
            files.writeBytes(("dir\\f" + i + ".txt\0").getBytes(StandardCharsets.US_ASCII));
            offset += fileSizes.get(i);
        }
        int dataStart = headerSize + folders.size() * folderSize + files.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer folderRecords = le(folders.size() * folderSize);
        for (Folder f : folders) {
            List<Block> blocks = f.blocks();
            folderRecords.putInt(dataStart + data.size()).putShort((short) blocks.size()).putShort((short) f.typeCompress());
            folderRecords.position(folderRecords.position() + folderSize - 8);
            for (Block b : blocks) {
                ByteBuffer h = le(8 + dataReserve).putInt(0).putShort((short) b.data().length).putShort((short) b.size());
                int sum = checksum(b.data(), 0);
                h.putInt(0, checksum(Arrays.copyOfRange(h.array(), 4, 8), sum));
                data.writeBytes(h.array());
                data.writeBytes(b.data());
            }
        }
        ByteBuffer header = le(headerSize).put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .putInt(dataStart + data.size()).putInt(0).putInt(headerSize + folders.size() * folderSize).putInt(0)
                .put((byte) 3).put((byte) 1).putShort((short) folders.size()).putShort((short) fileSizes.size())
                .putShort((short) (reserve ? 4 : 0)).putShort((short) 1).putShort((short) 0);
        if (reserve) {
            header.putShort((short) 6).put((byte) (folderSize - 8)).put((byte) dataReserve);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(folderRecords.array());
        out.writeBytes(files.toByteArray());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int checksum(byte[] b, int seed) {
        int sum = seed;
        int p = 0;
        for (; p + 4 <= b.length; p += 4) {
            sum ^= (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
        }
        int tail = 0;
        for (; p < b.length; p++) {
            tail = tail << 8 | (b[p] & 0xFF);
        }
        return sum ^ tail;
    }
}
