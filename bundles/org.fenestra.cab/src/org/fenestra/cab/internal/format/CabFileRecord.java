package org.fenestra.cab.internal.format;

/**
 * CFFILE: one file of the cabinet.
 * <pre>
 *  0  4  cbFile: uncompressed size
 *  4  4  uoffFolderStart: offset of its data in the folder's uncompressed stream
 *  8  2  iFolder (0xFFFD..0xFFFF: continued from/to another cabinet)
 * 10  2  date (DOS: day 0-4, month 5-8, year-1980 9-15)
 * 12  2  time (DOS: seconds/2 0-4, minute 5-10, hour 11-15)
 * 14  2  attribs (0x80: name is UTF-8)
 * 16  szName, NUL-terminated, at most 256 bytes
 * </pre>
 *
 * @param name         the decoded name
 * @param size         cbFile
 * @param folderOffset uoffFolderStart
 * @param folder       iFolder
 * @param date         DOS date
 * @param time         DOS time
 * @param attributes   attribs
 * @param recordOffset where the CFFILE is in the file (for messages)
 */
public record CabFileRecord(String name, long size, long folderOffset, int folder, int date, int time, int attributes,
        long recordOffset) {

    public static final int FIXED_SIZE = 16;
    public static final int MAX_NAME_BYTES = 256;
}
