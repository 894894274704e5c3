package org.fenestra.cab.internal.format;

import static org.fenestra.cab.internal.format.LittleEndian.*;

import org.fenestra.cab.errors.CorruptCabinetException;
import org.fenestra.cab.errors.UnsupportedCabinetException;

/**
 * CFFOLDER: one compressed stream, made of consecutive CFDATA blocks.
 * <pre>
 *  0  4  coffCabStart: offset of the first CFDATA
 *  4  2  cCFData: number of CFDATA blocks
 *  6  2  typeCompress: bits 0-3 method (0 none, 1 MSZIP, 2 Quantum, 3 LZX);
 *        for LZX bits 8-12 the window order (15..21)
 *  8  cbCFFolder reserved bytes
 * </pre>
 *
 * @param index        the folder's index in the cabinet
 * @param recordOffset where this CFFOLDER is in the file (for messages)
 * @param dataOffset   coffCabStart
 * @param blockCount   cCFData
 * @param method       the compression method
 * @param lzxWindowOrder the LZX window order, 0 for other methods
 */
public record CabFolder(int index, long recordOffset, long dataOffset, int blockCount, Method method,
        int lzxWindowOrder) {

    public static final int FIXED_SIZE = 8;

    /** The compression methods of MS-CAB. */
    public enum Method {
        NONE, MSZIP, LZX
    }

    static CabFolder parse(String name, int index, byte[] b, int p, long recordOffset, long cabinetSize)
            throws CorruptCabinetException, UnsupportedCabinetException {
        long dataOffset = u32(b, p);
        int blockCount = u16(b, p + 4);
        int type = u16(b, p + 6);
        if (blockCount > 0 && dataOffset >= cabinetSize) {
            throw new CorruptCabinetException(name + ": folder " + index + " starts its data at offset " + dataOffset
                    + ", past the end of the cabinet (" + cabinetSize + " bytes)", recordOffset);
        }
        Method method;
        int window = 0;
        switch (type & 0x000F) {
            case 0 -> method = Method.NONE;
            case 1 -> method = Method.MSZIP;
            case 2 -> throw new UnsupportedCabinetException(name + ": folder " + index
                    + " is Quantum-compressed; Quantum is not supported (only none, MSZIP and LZX)");
            case 3 -> {
                method = Method.LZX;
                window = (type >>> 8) & 0x1F;
                if (window < 15 || window > 21) {
                    throw new CorruptCabinetException(name + ": folder " + index + " gives LZX window order " + window
                            + " (valid: 15 to 21)", recordOffset + 6);
                }
            }
            default -> throw new UnsupportedCabinetException(name + ": folder " + index
                    + " uses unknown compression type 0x" + Integer.toHexString(type));
        }
        return new CabFolder(index, recordOffset, dataOffset, blockCount, method, window);
    }
}
