package org.fenestra.cab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes format-true cabinets from given data blocks (taken from gcab's cabinets, or made by our
 * LZX compressor in CAB framing) and file records: several folders, reserve areas, flags and
 * hostile values that no tool writes. Written independently of the reader under test; cabextract
 * checks what it makes.
 */
final class CabBuilder {

    record Block(byte[] data, int uncompressedSize) {
    }

    record Folder(int typeCompress, List<Block> blocks) {
        long uncompressedSize() {
            return blocks.stream().mapToLong(Block::uncompressedSize).sum();
        }
    }

    record FileRecord(String name, long size, long folderOffset, int folder, int date, int time, int attributes) {
    }

    static final int DATE_2024_06_01 = (2024 - 1980) << 9 | 6 << 5 | 1;
    static final int TIME_12_34_56 = 12 << 11 | 34 << 5 | 28;

    private final List<Folder> folders = new ArrayList<>();
    private final List<FileRecord> files = new ArrayList<>();
    private int flags;
    private boolean checksums = true;
    private int headerReserve = -1;
    private int folderReserve;
    private int dataReserve;

    CabBuilder folder(int typeCompress, List<Block> blocks) {
        folders.add(new Folder(typeCompress, List.copyOf(blocks)));
        return this;
    }

    CabBuilder file(String name, long size, long folderOffset, int folder) {
        return file(new FileRecord(name, size, folderOffset, folder, DATE_2024_06_01, TIME_12_34_56, 0x20));
    }

    CabBuilder file(FileRecord f) {
        files.add(f);
        return this;
    }

    CabBuilder flags(int value) {
        flags = value;
        return this;
    }

    CabBuilder checksums(boolean on) {
        checksums = on;
        return this;
    }

    /** Adds a reserve area: header bytes, and per folder and per data block. */
    CabBuilder reserve(int header, int folder, int data) {
        headerReserve = header;
        folderReserve = folder;
        dataReserve = data;
        return this;
    }

    List<Folder> folders() {
        return folders;
    }

    byte[] build() {
        boolean reserve = headerReserve >= 0;
        int headerSize = 36 + (reserve ? 4 + headerReserve : 0);
        int foldersSize = folders.size() * (8 + folderReserve);
        ByteArrayOutputStream fileRecords = new ByteArrayOutputStream();
        for (FileRecord f : files) {
            ByteBuffer b = le(16);
            b.putInt((int) f.size()).putInt((int) f.folderOffset()).putShort((short) f.folder())
                    .putShort((short) f.date()).putShort((short) f.time()).putShort((short) f.attributes());
            fileRecords.writeBytes(b.array());
            fileRecords.writeBytes(f.name().getBytes((f.attributes() & 0x80) != 0 ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1));
            fileRecords.write(0);
        }
        long dataStart = headerSize + foldersSize + fileRecords.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer folderRecords = le(foldersSize);
        for (Folder folder : folders) {
            folderRecords.putInt((int) (dataStart + data.size())).putShort((short) folder.blocks().size())
                    .putShort((short) folder.typeCompress()).put(new byte[folderReserve]);
            for (Block block : folder.blocks()) {
                ByteBuffer h = le(8 + dataReserve);
                h.putInt(0).putShort((short) block.data().length).putShort((short) block.uncompressedSize());
                if (checksums) {
                    int sum = checksum(block.data(), 0, block.data().length, 0);
                    h.putInt(0, checksum(h.array(), 4, 4, sum));
                }
                data.writeBytes(h.array());
                data.writeBytes(block.data());
            }
        }
        long total = dataStart + data.size();
        ByteBuffer header = le(headerSize);
        header.put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt((int) total).putInt(0)
                .putInt(headerSize + foldersSize).putInt(0).put((byte) 3).put((byte) 1)
                .putShort((short) folders.size()).putShort((short) files.size())
                .putShort((short) (flags | (reserve ? 4 : 0))).putShort((short) 0x1234).putShort((short) 0);
        if (reserve) {
            header.putShort((short) headerReserve).put((byte) folderReserve).put((byte) dataReserve);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(folderRecords.array());
        out.writeBytes(fileRecords.toByteArray());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** MS-CAB's CFDATA checksum, written out here from the specification. */
    static int checksum(byte[] b, int off, int len, int seed) {
        int sum = seed;
        int p = off;
        for (int words = len / 4; words > 0; words--, p += 4) {
            sum ^= (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
        }
        int tail = 0;
        for (int i = 0; i < len % 4; i++) {
            tail = tail << 8 | (b[p + i] & 0xFF);
        }
        return sum ^ tail;
    }

    /**
     * The folder, blocks and files of a single-folder cabinet as gcab writes it (no reserve),
     * read with a few lines of our own so they can be put together into other cabinets.
     */
    static Folder gcabFolder(Path cab, List<FileRecord> filesOut, int folderIndex) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(cab)).order(ByteOrder.LITTLE_ENDIAN);
        int filesOffset = b.getInt(16);
        int fileCount = Short.toUnsignedInt(b.getShort(28));
        int dataOffset = b.getInt(36);
        int blockCount = Short.toUnsignedInt(b.getShort(40));
        int type = Short.toUnsignedInt(b.getShort(42));
        int p = filesOffset;
        for (int i = 0; i < fileCount; i++) {
            int nameStart = p + 16;
            int nameEnd = nameStart;
            while (b.get(nameEnd) != 0) {
                nameEnd++;
            }
            byte[] name = new byte[nameEnd - nameStart];
            b.get(nameStart, name);
            filesOut.add(new FileRecord(new String(name, StandardCharsets.ISO_8859_1), Integer.toUnsignedLong(b.getInt(p)),
                    Integer.toUnsignedLong(b.getInt(p + 4)), folderIndex, Short.toUnsignedInt(b.getShort(p + 10)),
                    Short.toUnsignedInt(b.getShort(p + 12)), Short.toUnsignedInt(b.getShort(p + 14))));
            p = nameEnd + 1;
        }
        List<Block> blocks = new ArrayList<>();
        p = dataOffset;
        for (int i = 0; i < blockCount; i++) {
            int len = Short.toUnsignedInt(b.getShort(p + 4));
            int out = Short.toUnsignedInt(b.getShort(p + 6));
            byte[] data = new byte[len];
            b.get(p + 8, data);
            blocks.add(new Block(data, out));
            p += 8 + len;
        }
        return new Folder(type, blocks);
    }
}
