package org.fenestra.cab.internal.format;

import static org.fenestra.cab.internal.format.LittleEndian.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.errors.CorruptCabinetException;
import org.fenestra.cab.errors.UnsupportedCabinetException;
import org.fenestra.cab.internal.read.CabinetChannel;

/**
 * The cabinet's records: header, folders and files, each checked against the file (the data
 * blocks are checked as they are read).
 */
public record CabinetLayout(CabHeader header, List<CabFolder> folders, List<CabFileRecord> files) {

    /** Largest uncompressed CFDATA block of a compressed folder (one LZX frame, one MSZIP block). */
    public static final int MAX_COMPRESSED_BLOCK_OUTPUT = 32768;
    /** Largest uncompressed CFDATA block of a stored folder (cbUncomp is 16 bits). */
    public static final int MAX_STORED_BLOCK_OUTPUT = 65535;

    public static CabinetLayout read(CabinetChannel in) throws IOException {
        CabHeader header = CabHeader.read(in);
        String name = in.name();
        int folderRecordSize = CabFolder.FIXED_SIZE + header.folderReserve();
        byte[] folderBytes = new byte[header.folderCount() * folderRecordSize];
        in.readFully(header.foldersOffset(), folderBytes, 0, folderBytes.length, "the folder records");
        List<CabFolder> folders = new ArrayList<>(header.folderCount());
        for (int i = 0; i < header.folderCount(); i++) {
            folders.add(CabFolder.parse(name, i, folderBytes, i * folderRecordSize,
                    header.foldersOffset() + (long) i * folderRecordSize, header.size()));
        }
        return new CabinetLayout(header, List.copyOf(folders), readFiles(in, header, folders));
    }

    private static List<CabFileRecord> readFiles(CabinetChannel in, CabHeader header, List<CabFolder> folders)
            throws IOException {
        String name = in.name();
        int count = header.fileCount();
        if (count == 0) {
            return List.of();
        }
        long area = Math.min(header.size() - header.filesOffset(),
                (long) count * (CabFileRecord.FIXED_SIZE + CabFileRecord.MAX_NAME_BYTES + 1));
        byte[] b = new byte[(int) area];
        in.readFully(header.filesOffset(), b, 0, b.length, "the file records");
        List<CabFileRecord> files = new ArrayList<>(count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            long recordOffset = header.filesOffset() + p;
            if (p + CabFileRecord.FIXED_SIZE + 1 > b.length) {
                throw new CorruptCabinetException(name + ": file record " + i + " at offset " + recordOffset
                        + " reaches past the end of the cabinet (" + header.size() + " bytes)", recordOffset);
            }
            long size = u32(b, p);
            long folderOffset = u32(b, p + 4);
            int folder = u16(b, p + 8);
            int date = u16(b, p + 10);
            int time = u16(b, p + 12);
            int attributes = u16(b, p + 14);
            int nameStart = p + CabFileRecord.FIXED_SIZE;
            int nameEnd = nameStart;
            int nameLimit = Math.min(b.length, nameStart + CabFileRecord.MAX_NAME_BYTES + 1);
            while (nameEnd < nameLimit && b[nameEnd] != 0) {
                nameEnd++;
            }
            if (nameEnd == nameLimit) {
                throw new CorruptCabinetException(name + ": the name of file record " + i + " at offset " + recordOffset
                        + " is not terminated within " + CabFileRecord.MAX_NAME_BYTES + " bytes or the cabinet's end",
                        recordOffset);
            }
            String fileName = decodeName(name, b, nameStart, nameEnd - nameStart, attributes, recordOffset);
            if (fileName.isEmpty()) {
                throw new CorruptCabinetException(name + ": file record " + i + " at offset " + recordOffset
                        + " has an empty name", recordOffset);
            }
            if (folder >= 0xFFFD) {
                throw new UnsupportedCabinetException(name + ": file " + fileName
                        + " continues from or into another cabinet; multi-cabinet sets are not supported");
            }
            if (folder >= folders.size()) {
                throw new CorruptCabinetException(name + ": file " + fileName + " names folder " + folder
                        + " but the cabinet has " + folders.size(), recordOffset + 8);
            }
            CabFolder f = folders.get(folder);
            long capacity = (long) f.blockCount() * (f.method() == CabFolder.Method.NONE
                    ? MAX_STORED_BLOCK_OUTPUT : MAX_COMPRESSED_BLOCK_OUTPUT);
            if (folderOffset + size > capacity) {
                throw new CorruptCabinetException(name + ": file " + fileName + " (" + size + " bytes at folder offset "
                        + folderOffset + ") reaches past what folder " + folder + "'s " + f.blockCount()
                        + " data blocks can hold", recordOffset);
            }
            files.add(new CabFileRecord(fileName, size, folderOffset, folder, date, time, attributes, recordOffset));
            p = nameEnd + 1;
        }
        return List.copyOf(files);
    }

    private static String decodeName(String cabinet, byte[] b, int off, int len, int attributes, long recordOffset)
            throws CorruptCabinetException {
        if ((attributes & CabEntry.NAME_IS_UTF) == 0) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptCabinetException(cabinet + ": the file record at offset " + recordOffset
                    + " flags its name as UTF-8 but it is not valid UTF-8", recordOffset, e);
        }
    }
}
