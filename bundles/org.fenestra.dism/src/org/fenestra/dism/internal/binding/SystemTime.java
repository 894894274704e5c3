package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/** Win32 {@code SYSTEMTIME}: eight {@code WORD}s, 16 bytes. */
@FieldOrder({ "wYear", "wMonth", "wDayOfWeek", "wDay", "wHour", "wMinute", "wSecond", "wMilliseconds" })
public class SystemTime extends PackedStructure {
    public short wYear;
    public short wMonth;
    public short wDayOfWeek;
    public short wDay;
    public short wHour;
    public short wMinute;
    public short wSecond;
    public short wMilliseconds;

    public SystemTime() {
    }

    public SystemTime(Pointer pointer) {
        super(pointer);
    }
}
