package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/** {@code DismCustomProperty}, packed (x64): Name 0, Value 8, Path 16; 24 bytes. */
@FieldOrder({ "Name", "Value", "Path" })
public class DismCustomProperty extends PackedStructure {
    public Pointer Name;
    public Pointer Value;
    public Pointer Path;

    public DismCustomProperty() {
    }

    public DismCustomProperty(Pointer pointer) {
        super(pointer);
    }
}
