package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/** {@code DismFeature}, packed (x64): FeatureName 0, State 8; 12 bytes (16 if it were padded). */
@FieldOrder({ "FeatureName", "State" })
public class DismFeature extends PackedStructure {
    public Pointer FeatureName;
    public int State;

    public DismFeature() {
    }

    public DismFeature(Pointer pointer) {
        super(pointer);
    }
}
