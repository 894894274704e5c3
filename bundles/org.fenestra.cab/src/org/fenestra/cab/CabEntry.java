package org.fenestra.cab;

import java.time.Instant;

/**
 * One file stored in a cabinet (a CFFILE record).
 *
 * @param name       the name as the cabinet stores it, with {@code \} between folders
 * @param size       uncompressed size in bytes
 * @param modified   the stored date and time, read as local time (as cabextract does); 1980-01-01
 *                   when the stored value is not a valid date
 * @param attributes the stored attribute bits ({@link #READ_ONLY}, {@link #EXECUTE}, ...)
 * @param folder     index of the folder (compressed stream) holding the data
 * @since 0.1
 */
public record CabEntry(String name, long size, Instant modified, int attributes, int folder) {

    public static final int READ_ONLY = 0x01;
    public static final int HIDDEN = 0x02;
    public static final int SYSTEM = 0x04;
    public static final int ARCHIVE = 0x20;
    public static final int EXECUTE = 0x40;
    /** The name is UTF-8; without this bit it is read as ISO-8859-1. */
    public static final int NAME_IS_UTF = 0x80;

    /** The name with {@code /} between folders, as it is extracted. */
    public String path() {
        return name.replace('\\', '/');
    }
}
