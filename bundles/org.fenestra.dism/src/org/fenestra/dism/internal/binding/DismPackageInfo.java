package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;

/**
 * {@code DismPackageInfo}, packed (x64 offsets): PackageName 0, PackageState 8, ReleaseType 12,
 * InstallTime 16, Applicable 32, Copyright 36, Company 44, CreationTime 52, DisplayName 68,
 * Description 76, InstallClient 84, InstallPackageName 92, LastUpdateTime 100, ProductName 116,
 * ProductVersion 124, RestartRequired 132, FullyOffline 136, SupportInformation 140,
 * CustomProperty 148, CustomPropertyCount 156, Feature 160, FeatureCount 168; 172 bytes.
 */
@FieldOrder({ "PackageName", "PackageState", "ReleaseType", "InstallTime", "Applicable", "Copyright", "Company",
        "CreationTime", "DisplayName", "Description", "InstallClient", "InstallPackageName", "LastUpdateTime",
        "ProductName", "ProductVersion", "RestartRequired", "FullyOffline", "SupportInformation", "CustomProperty",
        "CustomPropertyCount", "Feature", "FeatureCount" })
public class DismPackageInfo extends PackedStructure {
    public Pointer PackageName;
    public int PackageState;
    public int ReleaseType;
    public SystemTime InstallTime;
    /** {@code BOOL} */
    public int Applicable;
    public Pointer Copyright;
    public Pointer Company;
    public SystemTime CreationTime;
    public Pointer DisplayName;
    public Pointer Description;
    public Pointer InstallClient;
    public Pointer InstallPackageName;
    public SystemTime LastUpdateTime;
    public Pointer ProductName;
    public Pointer ProductVersion;
    public int RestartRequired;
    public int FullyOffline;
    public Pointer SupportInformation;
    /** {@code DismCustomProperty*}, {@code CustomPropertyCount} of them */
    public Pointer CustomProperty;
    public int CustomPropertyCount;
    /** {@code DismFeature*}, {@code FeatureCount} of them */
    public Pointer Feature;
    public int FeatureCount;

    public DismPackageInfo() {
    }

    public DismPackageInfo(Pointer pointer) {
        super(pointer);
    }
}
