package org.fenestra.dism.internal.binding;

import com.sun.jna.FromNativeContext;
import com.sun.jna.Memory;
import com.sun.jna.NativeMapped;
import com.sun.jna.Pointer;

/**
 * A {@code PCWSTR} argument: the string as NUL-terminated UTF-16 in native memory. Windows'
 * {@code wchar_t} is UTF-16, but JNA's {@code WString} follows the platform's {@code wchar_t},
 * which is 32-bit UTF-32 on Linux; writing UTF-16 ourselves gives DismApi.dll exactly what it
 * expects on Windows and gives the Linux stand-in the same bytes.
 * <p>
 * Close it after the call (try-with-resources): that keeps the native copy alive for the whole
 * call and frees it right after, instead of whenever the garbage collector gets to it.
 */
public final class Utf16String implements NativeMapped, AutoCloseable {

    private final String value;
    private final Memory memory;

    /** JNA creates one to learn the native type; never passed to DISM. */
    public Utf16String() {
        this(null);
    }

    private Utf16String(String value) {
        this.value = value;
        this.memory = value == null ? null : encode(value);
    }

    /** The argument for {@code value}; {@code null} gives a NULL pointer (DISM's "optional" arguments). */
    public static Utf16String of(String value) {
        return new Utf16String(value);
    }

    public String value() {
        return value;
    }

    /** Written as 16-bit units: JNA's char accessors use the platform's wchar_t, 32-bit on Linux. */
    private static Memory encode(String value) {
        short[] units = new short[value.length() + 1];
        for (int i = 0; i < value.length(); i++) {
            units[i] = (short) value.charAt(i);
        }
        Memory memory = new Memory((long) units.length * Short.BYTES);
        memory.write(0, units, 0, units.length);
        return memory;
    }

    @Override
    public Object toNative() {
        return memory;
    }

    @Override
    public Object fromNative(Object nativeValue, FromNativeContext context) {
        return new Utf16String(WideStrings.read((Pointer) nativeValue));
    }

    @Override
    public Class<?> nativeType() {
        return Pointer.class;
    }

    @Override
    public void close() {
        if (memory != null) {
            memory.close();
        }
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
