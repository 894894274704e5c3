package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/** {@code DismString} (and {@code DismLanguage}): {@code PCWSTR Value}. 8 bytes on x64. */
@FieldOrder({ "Value" })
public class DismString extends PackedStructure {
    public Pointer Value;

    public DismString() {
    }

    public DismString(Pointer pointer) {
        super(pointer);
    }
}
