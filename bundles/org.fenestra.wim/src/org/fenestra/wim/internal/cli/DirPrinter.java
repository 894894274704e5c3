package org.fenestra.wim.internal.cli;

import java.io.PrintStream;

import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimStream;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.WimTime;
import org.fenestra.wim.model.WimStreamType;
import org.fenestra.wim.model.WimUnixData;

/** The text of {@code wimlib-imagex dir} and {@code dir --detailed}, per entry. */
final class DirPrinter {
    private static final String RULE = "----------------------------------------------------------------------------";
    private static final Object[][] ATTRIBUTES = { { 0x1, "READONLY" }, { 0x2, "HIDDEN" }, { 0x4, "SYSTEM" },
            { 0x10, "DIRECTORY" }, { 0x20, "ARCHIVE" }, { 0x40, "DEVICE" }, { 0x80, "NORMAL" }, { 0x100, "TEMPORARY" },
            { 0x200, "SPARSE_FILE" }, { 0x400, "REPARSE_POINT" }, { 0x800, "COMPRESSED" }, { 0x1000, "OFFLINE" },
            { 0x2000, "NOT_CONTENT_INDEXED" }, { 0x4000, "ENCRYPTED" }, { 0x10000, "VIRTUAL" } };

    private final PrintStream out;
    private final boolean detailed;

    DirPrinter(PrintStream out, boolean detailed) {
        this.out = out;
        this.detailed = detailed;
    }

    void print(WimEntry e) {
        if (!detailed) {
            out.print(e.fullPath() + "\n");
            return;
        }
        out.print(RULE + "\n");
        out.print("Full Path           = \"" + e.fullPath() + "\"\n");
        out.print("Short Name          = \"" + e.shortName() + "\"\n");
        out.print(String.format("Attributes          = 0x%08x%n", e.attributes()).replace(System.lineSeparator(), "\n"));
        for (Object[] a : ATTRIBUTES) {
            if ((e.attributes() & (Integer) a[0]) != 0) {
                out.print("    FILE_ATTRIBUTE_" + a[1] + " is set\n");
            }
        }
        byte[] sd = e.securityDescriptor();
        if (sd != null) {
            out.print("Security Descriptor = " + LittleEndian.hex(sd) + "\n");
        }
        time("Creation Time", e.creationTime());
        time("Last Write Time", e.lastWriteTime());
        time("Last Access Time", e.lastAccessTime());
        if (e.isReparsePoint()) {
            out.print("Reparse Tag         = 0x" + Long.toHexString(e.reparseTag()) + "\n");
        }
        out.print(String.format("Link Group ID       = 0x%016x", e.linkGroupId()) + "\n");
        out.print("Link Count          = " + e.linkCount() + "\n");
        WimUnixData u = e.unixData();
        if (u != null && u.mode() != 0) {
            out.print("UNIX Data           = uid:" + u.uid() + " gid:" + u.gid() + " mode:0" + Long.toOctalString(u.mode())
                    + " rdev:0x" + Long.toHexString(u.rdev()) + "\n");
        }
        objectId(e.objectId());
        // wimlib always prints the unnamed slot first (zeroed when the file has no such stream),
        // labelled by the file's attributes, then the named data streams
        java.util.List<WimStream> streams = e.streams();
        int next = 0;
        out.print(unnamedLabel(mainType(e)));
        if (!streams.isEmpty() && !streams.get(0).named()) {
            stream(streams.get(0));
            next = 1;
        } else {
            stream(new WimStream(null, mainType(e), new byte[20], null, false));
        }
        for (WimStream s : streams.subList(next, streams.size())) {
            out.print("\tNamed data stream \"" + s.name() + "\":\n");
            stream(s);
        }
    }

    private static WimStreamType mainType(WimEntry e) {
        if ((e.attributes() & WimEntry.FILE_ATTRIBUTE_ENCRYPTED) != 0) {
            return WimStreamType.EFSRPC_RAW_DATA;
        }
        return e.isReparsePoint() ? WimStreamType.REPARSE_POINT : WimStreamType.DATA;
    }

    private static String unnamedLabel(WimStreamType t) {
        return switch (t) {
            case EFSRPC_RAW_DATA -> "\tRaw encrypted data stream:\n";
            case REPARSE_POINT -> "\tReparse point stream:\n";
            default -> "\tUnnamed data stream:\n";
        };
    }

    private void time(String label, long ticks) {
        out.print(String.format("%-20s= %s", label, WimTime.format(ticks)) + "\n");
    }

    private void objectId(byte[] id) {
        if (id == null) {
            return;
        }
        byte[] full = java.util.Arrays.copyOf(id, 64);
        String[] labels = { "Object ID", "Birth Volume ID", "Birth Object ID", "Domain ID" };
        if (allZero(full, 0)) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            if (!allZero(full, i * 16)) {
                out.print(String.format("%-20s= 0x", labels[i])
                        + LittleEndian.hex(java.util.Arrays.copyOfRange(full, i * 16, i * 16 + 16)) + "\n");
            }
        }
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < from + 16; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** One stream's resource block, as wimlib's print_resource. */
    private void stream(WimStream s) {
        ResourceBlock.print(out, s.hash(), s.blob(), s.missing());
    }
}
