package org.fenestra.wim.internal.cli;

import java.io.PrintStream;

import org.fenestra.wim.WimBlobInfo;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.ResourceHeader;

/** One blob's resource block, as wimlib-imagex prints it in {@code dir --detailed} and {@code info --blobs}. */
final class ResourceBlock {
    private ResourceBlock() {
    }

    /** {@code blob}: where it is stored, null for an empty stream; {@code missing}: no part holds it. */
    static void print(PrintStream out, byte[] hash, WimBlobInfo b, boolean missing) {
        out.print("Hash              = 0x" + LittleEndian.hex(hash) + "\n");
        if (!missing) {
            out.print("Uncompressed size = " + (b == null ? 0 : b.size()) + " bytes\n");
            if (b != null && b.solid()) {
                out.print("Solid resource    = " + b.solidUncompressedSize() + " => " + b.solidCompressedSize()
                        + " bytes @ offset " + b.solidOffset() + "\n");
                out.print("Solid offset      = " + b.offset() + " bytes\n");
            } else {
                out.print("Compressed size   = " + (b == null ? 0 : b.compressedSize()) + " bytes\n");
                out.print("Offset in WIM     = " + (b == null ? 0 : b.offset()) + " bytes\n");
            }
            out.print("Part Number       = " + (b == null ? 0 : b.partNumber()) + "\n");
            out.print("Reference Count   = " + (b == null ? 0 : b.refCount()) + "\n");
            StringBuilder flags = new StringBuilder("Flags             = ");
            if (b != null) {
                flag(flags, b, ResourceHeader.FLAG_COMPRESSED, "COMPRESSED");
                flag(flags, b, ResourceHeader.FLAG_METADATA, "METADATA");
                flag(flags, b, ResourceHeader.FLAG_FREE, "FREE");
                flag(flags, b, ResourceHeader.FLAG_SPANNED, "SPANNED");
                flag(flags, b, ResourceHeader.FLAG_SOLID, "SOLID");
            }
            out.print(flags + "\n");
        }
        out.print("\n");
    }

    private static void flag(StringBuilder sb, WimBlobInfo b, int flag, String name) {
        if (b.has(flag)) {
            sb.append("WIM_RESHDR_FLAG_").append(name).append("  ");
        }
    }
}
