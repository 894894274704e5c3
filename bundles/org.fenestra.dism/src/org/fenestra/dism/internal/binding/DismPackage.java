package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code DismPackage}, packed (x64 offsets): PackageName 0, PackageState 8, ReleaseType 12,
 * InstallTime 16; 32 bytes.
 */
@FieldOrder({ "PackageName", "PackageState", "ReleaseType", "InstallTime" })
public class DismPackage extends PackedStructure {
    public Pointer PackageName;
    public int PackageState;
    public int ReleaseType;
    public SystemTime InstallTime;

    public DismPackage() {
    }

    public DismPackage(Pointer pointer) {
        super(pointer);
    }
}
