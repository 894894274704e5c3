package org.fenestra.updates.internal.packages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.updates.packages.PackageFormatException;

/**
 * The end of central directory record of a ZIP file (APPNOTE 4.3.16), found by searching back
 * from the end over the longest comment (65,535 bytes):
 *
 * <pre>
 * offset size
 *  0      4   signature 0x06054b50 ("PK\5\6")
 *  10     2   total number of entries in the central directory
 *  12     4   size of the central directory
 *  16     4   offset of the central directory from the start of the file
 *  20     2   comment length (the comment ends the file)
 * </pre>
 *
 * ZIP64 files (more than 65,535 entries or 4 GiB) are refused: no Fenestra package needs them.
 */
public record ZipEnd(int entries, long directoryOffset, long directorySize) {

    private static final int SIGNATURE = 0x06054b50;
    private static final int RECORD = 22;
    private static final int MAX_COMMENT = 65_535;

    public static ZipEnd read(Path path, String file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            if (size < RECORD) {
                throw PackageFormatException.damaged(file, "too short for a ZIP file (" + size + " bytes)");
            }
            int tail = (int) Math.min(size, RECORD + MAX_COMMENT);
            ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            for (int at = tail - RECORD; at >= 0; at--) {
                if (buffer.getInt(at) == SIGNATURE && at + RECORD + (buffer.getShort(at + 20) & 0xFFFF) == tail) {
                    ZipEnd end = new ZipEnd(buffer.getShort(at + 10) & 0xFFFF, buffer.getInt(at + 16) & 0xFFFFFFFFL,
                            buffer.getInt(at + 12) & 0xFFFFFFFFL);
                    if (end.directoryOffset() == 0xFFFFFFFFL || end.entries() == 0xFFFF) {
                        throw new PackageFormatException(file, "a ZIP64 file; Fenestra packages are plain ZIP files", true, null);
                    }
                    long endOffset = size - tail + at;
                    if (end.directoryOffset() + end.directorySize() != endOffset) {
                        throw PackageFormatException.damaged(file, "the ZIP's central directory (offset " + end.directoryOffset()
                                + ", " + end.directorySize() + " bytes) does not end where its end record starts (" + endOffset + ")");
                    }
                    return end;
                }
            }
            throw PackageFormatException.damaged(file, "no ZIP end of central directory: the file is cut short or not a ZIP");
        }
    }
}
