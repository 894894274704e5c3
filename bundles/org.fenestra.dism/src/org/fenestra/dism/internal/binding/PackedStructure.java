package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * A struct declared inside DismApi.h's {@code #pragma pack(push, 1)}: no padding between fields
 * or at the end. JNA's default (natural) alignment would put, for example,
 * {@code DismImageInfo.ProductName} at offset 40 instead of 36 on x64, and give
 * {@code DismMountedImageInfo} a stride of 32 instead of 28 in the arrays DISM returns.
 */
public abstract class PackedStructure extends Structure {

    protected PackedStructure() {
        super(ALIGN_NONE);
    }

    protected PackedStructure(Pointer pointer) {
        super(pointer, ALIGN_NONE);
        read();
    }

    /** The fields in declaration order. */
    public java.util.List<String> fieldNames() {
        return getFieldOrder();
    }

    /** The offset of a field as JNA lays it out (the layout tests compare it with DismApi.h's). */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
