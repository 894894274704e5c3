package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code DismImageInfo}, packed (x64 offsets): ImageType 0, ImageIndex 4, ImageName 8,
 * ImageDescription 16, ImageSize 24, Architecture 32, ProductName 36 (40 if padded), EditionId 44,
 * InstallationType 52, Hal 60, ProductType 68, ProductSuite 76, MajorVersion 84, MinorVersion 88,
 * Build 92, SpBuild 96, SpLevel 100, Bootable 104, SystemRoot 108, Language 116,
 * LanguageCount 124, DefaultLanguageIndex 128, CustomizedInfo 132; 140 bytes.
 */
@FieldOrder({ "ImageType", "ImageIndex", "ImageName", "ImageDescription", "ImageSize", "Architecture", "ProductName",
        "EditionId", "InstallationType", "Hal", "ProductType", "ProductSuite", "MajorVersion", "MinorVersion", "Build",
        "SpBuild", "SpLevel", "Bootable", "SystemRoot", "Language", "LanguageCount", "DefaultLanguageIndex",
        "CustomizedInfo" })
public class DismImageInfo extends PackedStructure {
    public int ImageType;
    public int ImageIndex;
    public Pointer ImageName;
    public Pointer ImageDescription;
    public long ImageSize;
    public int Architecture;
    public Pointer ProductName;
    public Pointer EditionId;
    public Pointer InstallationType;
    public Pointer Hal;
    public Pointer ProductType;
    public Pointer ProductSuite;
    public int MajorVersion;
    public int MinorVersion;
    public int Build;
    public int SpBuild;
    public int SpLevel;
    public int Bootable;
    public Pointer SystemRoot;
    /** {@code DismLanguage*} (a {@code DismString} array), {@code LanguageCount} of them */
    public Pointer Language;
    public int LanguageCount;
    public int DefaultLanguageIndex;
    /** {@code VOID*} ({@code DismWimCustomizedInfo*} for WIMs); not read */
    public Pointer CustomizedInfo;

    public DismImageInfo() {
    }

    public DismImageInfo(Pointer pointer) {
        super(pointer);
    }
}
