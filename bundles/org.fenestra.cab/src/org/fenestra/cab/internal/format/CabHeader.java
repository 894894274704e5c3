package org.fenestra.cab.internal.format;

import static org.fenestra.cab.internal.format.LittleEndian.*;

import java.io.IOException;

import org.fenestra.cab.errors.CorruptCabinetException;
import org.fenestra.cab.errors.UnsupportedCabinetException;
import org.fenestra.cab.internal.read.CabinetChannel;

/**
 * CFHEADER, at offset 0 of the cabinet (all fields little-endian):
 * <pre>
 *  0  4  signature "MSCF"
 *  4  4  reserved
 *  8  4  cbCabinet: size of the whole cabinet
 * 12  4  reserved
 * 16  4  coffFiles: offset of the first CFFILE
 * 20  4  reserved
 * 24  1  versionMinor (3)      25  1  versionMajor (1)
 * 26  2  cFolders              28  2  cFiles
 * 30  2  flags: 1 PREV_CABINET, 2 NEXT_CABINET, 4 RESERVE_PRESENT
 * 32  2  setID                 34  2  iCabinet
 * 36  [RESERVE_PRESENT] 2 cbCFHeader, 1 cbCFFolder, 1 cbCFData, then cbCFHeader reserved bytes
 *     [PREV_CABINET] szCabinetPrev, szDiskPrev; [NEXT_CABINET] szCabinetNext, szDiskNext
 * </pre>
 * The CFFOLDER records follow the header.
 *
 * @param size             cbCabinet
 * @param filesOffset      coffFiles
 * @param folderCount      cFolders
 * @param fileCount        cFiles
 * @param flags            the flags
 * @param folderReserve    cbCFFolder: reserved bytes at the end of each CFFOLDER
 * @param dataReserve      cbCFData: reserved bytes in each CFDATA header
 * @param foldersOffset    where the first CFFOLDER starts
 */
public record CabHeader(long size, long filesOffset, int folderCount, int fileCount, int flags, int folderReserve,
        int dataReserve, long foldersOffset) {

    public static final int FIXED_SIZE = 36;
    public static final int FLAG_PREV_CABINET = 0x1;
    public static final int FLAG_NEXT_CABINET = 0x2;
    public static final int FLAG_RESERVE_PRESENT = 0x4;

    static CabHeader read(CabinetChannel in) throws IOException {
        String name = in.name();
        if (in.size() < FIXED_SIZE) {
            throw new CorruptCabinetException(name + ": is not a cabinet: " + in.size()
                    + " bytes are fewer than a cabinet header's " + FIXED_SIZE, 0);
        }
        byte[] h = new byte[FIXED_SIZE + 4];
        int got = in.readAtMost(0, h, 0, h.length);
        if (h[0] != 'M' || h[1] != 'S' || h[2] != 'C' || h[3] != 'F') {
            throw new CorruptCabinetException(name + ": is not a cabinet (no MSCF signature at offset 0)", 0);
        }
        long size = u32(h, 8);
        if (size > in.size()) {
            throw new CorruptCabinetException(name + ": the header gives the cabinet " + size
                    + " bytes but the file has " + in.size() + ": the cabinet is truncated", 8);
        }
        if (size < FIXED_SIZE) {
            throw new CorruptCabinetException(name + ": the header gives the cabinet " + size + " bytes, fewer than its own "
                    + FIXED_SIZE, 8);
        }
        int major = u8(h, 25);
        if (major != 1) {
            throw new UnsupportedCabinetException(name + ": cabinet format version " + major + "." + u8(h, 24)
                    + " is not supported (only 1.x)");
        }
        long filesOffset = u32(h, 16);
        int folderCount = u16(h, 26);
        int fileCount = u16(h, 28);
        int flags = u16(h, 30);
        if ((flags & (FLAG_PREV_CABINET | FLAG_NEXT_CABINET)) != 0) {
            throw new UnsupportedCabinetException(name + ": is part of a multi-cabinet set (it continues "
                    + ((flags & FLAG_PREV_CABINET) != 0 ? "a previous" : "into a next") + " cabinet); sets are not supported");
        }
        int folderReserve = 0;
        int dataReserve = 0;
        long foldersOffset = FIXED_SIZE;
        if ((flags & FLAG_RESERVE_PRESENT) != 0) {
            if (got < FIXED_SIZE + 4 || size < FIXED_SIZE + 4) {
                throw in.truncated("the header's reserve sizes", FIXED_SIZE, 4);
            }
            int headerReserve = u16(h, 36);
            folderReserve = u8(h, 38);
            dataReserve = u8(h, 39);
            foldersOffset = FIXED_SIZE + 4L + headerReserve;
        }
        if (folderCount == 0 && fileCount > 0) {
            throw new CorruptCabinetException(name + ": " + fileCount + " files but no folders", 26);
        }
        long foldersEnd = foldersOffset + (long) folderCount * (CabFolder.FIXED_SIZE + folderReserve);
        if (foldersEnd > size) {
            throw new CorruptCabinetException(name + ": " + folderCount + " folder records at offset " + foldersOffset
                    + " reach past the end of the cabinet (" + size + " bytes)", foldersOffset);
        }
        if (fileCount > 0 && (filesOffset < foldersEnd || filesOffset >= size)) {
            throw new CorruptCabinetException(name + ": the file records' offset " + filesOffset
                    + " lies outside the cabinet's records area [" + foldersEnd + ", " + size + ")", 16);
        }
        return new CabHeader(size, filesOffset, folderCount, fileCount, flags, folderReserve, dataReserve, foldersOffset);
    }
}
