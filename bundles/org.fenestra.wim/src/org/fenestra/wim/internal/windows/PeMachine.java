package org.fenestra.wim.internal.windows;

/**
 * The processor architecture of a PE executable (kernel32.dll), as a Windows
 * {@code PROCESSOR_ARCHITECTURE_*} number.
 * <pre>
 * offset 0x3C  u32  e_lfanew: offset of the PE header (4-aligned)
 * e_lfanew     u32  "PE\0\0"
 * e_lfanew+4   u16  Machine (IMAGE_FILE_MACHINE_*)
 * </pre>
 */
final class PeMachine {

    static final int UNKNOWN = -1;

    private PeMachine() {
    }

    /** The architecture, or {@link #UNKNOWN}; {@code problem} receives why when the file is no PE. */
    static int architecture(byte[] pe, StringBuilder problem) {
        if (pe.length < 0x40) {
            problem.append("too short for an executable header");
            return UNKNOWN;
        }
        long peOffset = u32(pe, 0x3C);
        if (peOffset > pe.length || pe.length - peOffset < 6 || (peOffset & 3) != 0) {
            problem.append("its PE header offset ").append(peOffset).append(" is outside the file");
            return UNKNOWN;
        }
        int at = (int) peOffset;
        if (u32(pe, at) != 0x00004550L) {
            problem.append("no PE signature at ").append(at);
            return UNKNOWN;
        }
        int machine = (pe[at + 4] & 0xFF) | (pe[at + 5] & 0xFF) << 8;
        return switch (machine) {
            case 0x014C -> 0; // I386 -> INTEL
            case 0x01C0, 0x01C4, 0x01C2 -> 5; // ARM, ARMV7, THUMB -> ARM
            case 0x0200 -> 6; // IA64
            case 0x8664 -> 9; // AMD64
            case 0xAA64 -> 12; // ARM64
            default -> {
                problem.append("machine type 0x").append(Integer.toHexString(machine)).append(" is not known");
                yield UNKNOWN;
            }
        };
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
