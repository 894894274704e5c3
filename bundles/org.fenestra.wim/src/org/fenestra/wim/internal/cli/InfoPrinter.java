package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimHeaderInfo;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.format.WimTime;
import org.fenestra.wim.model.ChunkSizes;

/** The text of {@code wimlib-imagex info}, line for line. */
final class InfoPrinter {
    private final PrintStream out;

    InfoPrinter(PrintStream out) {
        this.out = out;
    }

    /** The "WIM Information" block; {@code path} is printed as given on the command line. */
    void wimInformation(String path, WimFile wim) {
        WimHeaderInfo h = wim.header();
        out.print("WIM Information:\n");
        out.print("----------------\n");
        out.print("Path:           " + path + "\n");
        out.print("GUID:           0x" + LittleEndian.hex(h.guid()) + "\n");
        out.print("Version:        " + Integer.toUnsignedString(h.version()) + "\n");
        out.print("Image Count:    " + h.imageCount() + "\n");
        out.print("Compression:    " + ChunkSizes.displayName(h.compression()) + "\n");
        out.print("Chunk Size:     " + Integer.toUnsignedString(h.chunkSize()) + " bytes\n");
        out.print("Part Number:    " + h.partNumber() + "/" + h.totalParts() + "\n");
        out.print("Boot Index:     " + h.bootIndex() + "\n");
        out.print("Size:           " + Long.toUnsignedString(wim.totalBytes()) + " bytes\n");
        StringBuilder attrs = new StringBuilder();
        appendIf(attrs, h.pipable(), "Pipable");
        appendIf(attrs, h.integrity(), "Integrity info");
        appendIf(attrs, h.rpFix(), "Relative path junction");
        appendIf(attrs, (h.flags() & WimHeader.FLAG_RESOURCE_ONLY) != 0, "Resource only");
        appendIf(attrs, (h.flags() & WimHeader.FLAG_METADATA_ONLY) != 0, "Metadata only");
        appendIf(attrs, h.readOnly(), "Readonly");
        out.print("Attributes:     " + attrs + "\n\n");
    }

    private static void appendIf(StringBuilder sb, boolean cond, String text) {
        if (cond) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(text);
        }
    }

    /** "Available Images:" (image 0 = all) or "Information for Image N", then each image. */
    void images(WimFile wim, int image) {
        String title = image == 0 ? "Available Images:" : "Information for Image " + image;
        out.print(title + "\n" + "-".repeat(title.length()) + "\n");
        List<WimImageInfo> list = wim.images();
        for (WimImageInfo i : list) {
            if (image == 0 || i.index() == image) {
                image(i);
            }
        }
    }

    private void image(WimImageInfo i) {
        out.print("Index:                  " + i.index() + "\n");
        out.print("Name:                   " + orEmpty(i.name()) + "\n");
        out.print("Description:            " + orEmpty(i.description()) + "\n");
        line("Display Name:           ", i.displayName());
        line("Display Description:    ", i.displayDescription());
        out.print("Directory Count:        " + Long.toUnsignedString(i.dirCount()) + "\n");
        out.print("File Count:             " + Long.toUnsignedString(i.fileCount()) + "\n");
        out.print("Total Bytes:            " + Long.toUnsignedString(i.totalBytes()) + "\n");
        out.print("Hard Link Bytes:        " + Long.toUnsignedString(i.hardLinkBytes()) + "\n");
        out.print("Creation Time:          " + WimTime.format(i.creationTime()) + "\n");
        out.print("Last Modification Time: " + WimTime.format(i.lastModificationTime()) + "\n");
        if (i.hasWindowsInfo()) {
            windows(i);
        }
        line("Flags:                  ", i.flags());
        out.print("WIMBoot compatible:     " + (i.wimBoot() ? "yes" : "no") + "\n");
        out.print("\n");
    }

    private void windows(WimImageInfo i) {
        out.print("Architecture:           " + architecture(i.architecture()) + "\n");
        line("Product Name:           ", i.productName());
        line("Edition ID:             ", i.editionId());
        line("Installation Type:      ", i.installationType());
        line("HAL:                    ", i.text("WINDOWS/HAL"));
        line("Product Type:           ", i.text("WINDOWS/PRODUCTTYPE"));
        line("Product Suite:          ", i.text("WINDOWS/PRODUCTSUITE"));
        if (i.has("WINDOWS/LANGUAGES")) {
            StringBuilder sb = new StringBuilder("Languages:              ");
            for (String l : i.languages()) {
                sb.append(l).append(' ');
            }
            out.print(sb + "\n");
            line("Default Language:       ", i.defaultLanguage());
        }
        line("System Root:            ", i.systemRoot());
        if (i.has("WINDOWS/VERSION")) {
            out.print("Major Version:          " + Long.toUnsignedString(i.versionMajor()) + "\n");
            out.print("Minor Version:          " + Long.toUnsignedString(i.versionMinor()) + "\n");
            out.print("Build:                  " + Long.toUnsignedString(i.versionBuild()) + "\n");
            out.print("Service Pack Build:     " + Long.toUnsignedString(i.versionSpBuild()) + "\n");
            out.print("Service Pack Level:     " + Long.toUnsignedString(i.versionSpLevel()) + "\n");
        }
    }

    /** wimlib-imagex's own names (its xml.c), which {@code info} prints for output parity. */
    static String architecture(long arch) {
        return ProcessorArchitecture.fromCode(arch).map(a -> switch (a) {
            case X86 -> "x86";
            case MIPS -> "MIPS";
            case ARM -> "ARM";
            case IA64 -> "ia64";
            case X64 -> "x86_64";
            case ARM64 -> "ARM64";
        }).orElse("unknown");
    }

    private void line(String label, String value) {
        if (value != null) {
            out.print(label + value + "\n");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * {@code info --header}: every raw header field, read again from the file, as the API
     * offers the header's facts ({@link WimFile#header()}) but not its on-disk layout.
     */
    void header(WimFile wim) throws IOException {
        WimHeader h;
        try (WimPart part = WimPart.open(wim.path())) {
            h = part.header();
        }
        long magic = h.pipable() ? WimHeader.PIPABLE_MAGIC : WimHeader.MAGIC;
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            int c = (int) (magic >>> (8 * i)) & 0xFF;
            m.append(Character.isLetter(c) && c < 128 ? String.valueOf((char) c) : "\\" + Integer.toOctalString(c));
        }
        out.print("Magic Characters            = " + m + "\n");
        out.print("Header Size                 = " + WimHeader.DISK_SIZE + "\n");
        out.print("Version                     = 0x" + Integer.toHexString(h.version()) + "\n");
        out.print("Flags                       = 0x" + Integer.toHexString(h.flags()) + "\n");
        for (Object[] f : WimHeader.FLAG_NAMES) {
            if ((h.flags() & (Integer) f[0]) != 0) {
                out.print("    WIM_HDR_FLAG_" + f[1] + " is set\n");
            }
        }
        out.print("Chunk Size                  = " + Integer.toUnsignedString(h.chunkSize()) + "\n");
        out.print("GUID                        = " + LittleEndian.hex(h.guid()) + "\n");
        out.print("Part Number                 = " + h.partNumber() + "\n");
        out.print("Total Parts                 = " + h.totalParts() + "\n");
        out.print("Image Count                 = " + h.imageCount() + "\n");
        resource("Blob Table", "Original_size", h.blobTable());
        resource("XML Data", "Original Size", h.xmlData());
        resource("Boot Metadata", "Original Size", h.bootMetadata());
        out.print("Boot Index                  = " + h.bootIndex() + "\n");
        resource("Integrity", "Original_size", h.integrityTable());
    }

    private void resource(String what, String originalLabel, ResourceHeader r) {
        out.print(pad(what + " Size") + "= " + r.sizeInWim() + "\n");
        out.print(pad(what + " Flags") + "= 0x" + Integer.toHexString(r.flags()) + "\n");
        out.print(pad(what + " Offset") + "= " + Long.toUnsignedString(r.offsetInWim()) + "\n");
        out.print(pad(what + " " + originalLabel) + "= " + Long.toUnsignedString(r.uncompressedSize()) + "\n");
    }

    private static String pad(String label) {
        return String.format("%-28s", label);
    }
}
