package org.fenestra.registry.internal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.fenestra.registry.CorruptHiveException;

/**
 * A hive's bytes in memory (file offsets), little-endian access; every read is checked against the
 * end, so a corrupt length or offset gives a {@link CorruptHiveException} naming the offset. Grows
 * for the editor.
 */
public final class HiveBytes {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int length;

    public HiveBytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** The backing array (valid up to {@link #length()}). */
    public byte[] array() {
        return data;
    }

    public HiveBytes copy(int extraCapacity) {
        return new HiveBytes(Arrays.copyOf(data, length + extraCapacity), length);
    }

    /** Makes the hive {@code newLength} bytes long (the new bytes are zero). */
    public void setLength(int newLength) {
        if (newLength > data.length) {
            data = Arrays.copyOf(data, Math.max(newLength, data.length + (data.length >> 1)));
        } else if (newLength > length) {
            Arrays.fill(data, length, newLength, (byte) 0);
        }
        length = newLength;
    }

    public void check(int pos, int size, String what) throws CorruptHiveException {
        if (pos < 0 || size < 0 || pos > length - size) {
            throw new CorruptHiveException(what + " (" + size + " bytes) lies outside the hive of " + length + " bytes",
                pos);
        }
    }

    public int u8(int pos) throws CorruptHiveException {
        check(pos, 1, "byte");
        return data[pos] & 0xFF;
    }

    public int u16(int pos) throws CorruptHiveException {
        check(pos, 2, "16-bit field");
        return (short) I16.get(data, pos) & 0xFFFF;
    }

    public int i32(int pos) throws CorruptHiveException {
        check(pos, 4, "32-bit field");
        return (int) I32.get(data, pos);
    }

    public long i64(int pos) throws CorruptHiveException {
        check(pos, 8, "64-bit field");
        return (long) I64.get(data, pos);
    }

    public byte[] bytes(int pos, int size) throws CorruptHiveException {
        check(pos, size, "data");
        return Arrays.copyOfRange(data, pos, pos + size);
    }

    /** Whether the two ASCII characters at {@code pos} are {@code signature}. */
    public boolean hasSignature(int pos, String signature) {
        if (pos < 0 || pos > length - signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if (data[pos + i] != signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // Writes: only the editor makes them, inside cells it allocated, so an overrun is a bug.

    public void put16(int pos, int value) {
        writable(pos, 2);
        I16.set(data, pos, (short) value);
    }

    public void put32(int pos, int value) {
        writable(pos, 4);
        I32.set(data, pos, value);
    }

    public void put64(int pos, long value) {
        writable(pos, 8);
        I64.set(data, pos, value);
    }

    public void put(int pos, byte[] bytes) {
        writable(pos, bytes.length);
        System.arraycopy(bytes, 0, data, pos, bytes.length);
    }

    public void putAscii(int pos, String ascii) {
        writable(pos, ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            data[pos + i] = (byte) ascii.charAt(i);
        }
    }

    public void zero(int pos, int size) {
        writable(pos, size);
        Arrays.fill(data, pos, pos + size, (byte) 0);
    }

    private void writable(int pos, int size) {
        if (pos < 0 || pos > length - size) {
            throw new IllegalStateException("write of " + size + " bytes at " + pos + " outside the hive of " + length);
        }
    }
}
