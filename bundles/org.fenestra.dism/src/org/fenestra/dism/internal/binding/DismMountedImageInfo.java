package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code DismMountedImageInfo}, packed (x64): MountPath 0, ImageFilePath 8, ImageIndex 16,
 * MountMode 20, MountStatus 24; 28 bytes (32 if padded, which would misread every array element
 * after the first).
 */
@FieldOrder({ "MountPath", "ImageFilePath", "ImageIndex", "MountMode", "MountStatus" })
public class DismMountedImageInfo extends PackedStructure {
    public Pointer MountPath;
    public Pointer ImageFilePath;
    public int ImageIndex;
    public int MountMode;
    public int MountStatus;

    public DismMountedImageInfo() {
    }

    public DismMountedImageInfo(Pointer pointer) {
        super(pointer);
    }
}
