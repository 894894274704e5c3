package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.fenestra.dism.internal.binding.DismCustomProperty;
import org.fenestra.dism.internal.binding.DismFeature;
import org.fenestra.dism.internal.binding.DismImageInfo;
import org.fenestra.dism.internal.binding.DismMountedImageInfo;
import org.fenestra.dism.internal.binding.DismPackage;
import org.fenestra.dism.internal.binding.DismPackageInfo;
import org.fenestra.dism.internal.binding.DismString;
import org.fenestra.dism.internal.binding.PackedStructure;
import org.fenestra.dism.internal.binding.SystemTime;

/**
 * Every struct's size and every field's offset, pinned to DismApi.h's {@code #pragma pack(push, 1)}
 * layout on x64 (worked out by hand from the header: pointers 8 bytes, enums/UINT/BOOL 4,
 * SYSTEMTIME 16, no padding), and checked against gcc's {@code sizeof}/{@code offsetof} of the
 * stand-in's declarations.
 */
public class StructLayoutTest {

    private record Layout(String name, Supplier<PackedStructure> struct, int size, Map<String, Integer> offsets) {
    }

    private static Map<String, Integer> offsets(Object... fieldsAndOffsets) {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndOffsets.length; i += 2) {
            offsets.put((String) fieldsAndOffsets[i], (Integer) fieldsAndOffsets[i + 1]);
        }
        return offsets;
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("SYSTEMTIME", SystemTime::new, 16, offsets("wYear", 0, "wMonth", 2, "wDayOfWeek", 4, "wDay", 6,
                    "wHour", 8, "wMinute", 10, "wSecond", 12, "wMilliseconds", 14)),
            new Layout("DismString", DismString::new, 8, offsets("Value", 0)),
            new Layout("DismPackage", DismPackage::new, 32,
                    offsets("PackageName", 0, "PackageState", 8, "ReleaseType", 12, "InstallTime", 16)),
            new Layout("DismCustomProperty", DismCustomProperty::new, 24, offsets("Name", 0, "Value", 8, "Path", 16)),
            new Layout("DismFeature", DismFeature::new, 12, offsets("FeatureName", 0, "State", 8)),
            new Layout("DismPackageInfo", DismPackageInfo::new, 172, offsets("PackageName", 0, "PackageState", 8,
                    "ReleaseType", 12, "InstallTime", 16, "Applicable", 32, "Copyright", 36, "Company", 44,
                    "CreationTime", 52, "DisplayName", 68, "Description", 76, "InstallClient", 84,
                    "InstallPackageName", 92, "LastUpdateTime", 100, "ProductName", 116, "ProductVersion", 124,
                    "RestartRequired", 132, "FullyOffline", 136, "SupportInformation", 140, "CustomProperty", 148,
                    "CustomPropertyCount", 156, "Feature", 160, "FeatureCount", 168)),
            new Layout("DismImageInfo", DismImageInfo::new, 140, offsets("ImageType", 0, "ImageIndex", 4,
                    "ImageName", 8, "ImageDescription", 16, "ImageSize", 24, "Architecture", 32, "ProductName", 36,
                    "EditionId", 44, "InstallationType", 52, "Hal", 60, "ProductType", 68, "ProductSuite", 76,
                    "MajorVersion", 84, "MinorVersion", 88, "Build", 92, "SpBuild", 96, "SpLevel", 100,
                    "Bootable", 104, "SystemRoot", 108, "Language", 116, "LanguageCount", 124,
                    "DefaultLanguageIndex", 128, "CustomizedInfo", 132)),
            new Layout("DismMountedImageInfo", DismMountedImageInfo::new, 28, offsets("MountPath", 0,
                    "ImageFilePath", 8, "ImageIndex", 16, "MountMode", 20, "MountStatus", 24)));

    @Test
    void everyStructHasDismApiHsPackedX64Layout() {
        List<Executable> checks = new ArrayList<>();
        for (Layout layout : LAYOUTS) {
            PackedStructure struct = layout.struct().get();
            checks.add(() -> assertEquals(layout.size(), struct.size(), layout.name() + " size"));
            checks.add(() -> assertEquals(layout.offsets().keySet().stream().toList(), struct.fieldNames(),
                    layout.name() + " fields"));
            layout.offsets().forEach((field, offset) -> checks.add(
                    () -> assertEquals(offset, struct.offsetOf(field), layout.name() + "." + field)));
        }
        assertAll(checks);
    }

    @Test
    void gccLaysOutTheStandinsStructsTheSameWay() {
        List<Executable> checks = new ArrayList<>();
        for (Layout layout : LAYOUTS) {
            checks.add(() -> assertEquals(layout.size(), Standin.CONTROL.Standin_SizeOf(layout.name()),
                    layout.name() + " size (gcc)"));
            layout.offsets().forEach((field, offset) -> checks.add(() -> assertEquals(offset,
                    Standin.CONTROL.Standin_OffsetOf(layout.name(), field), layout.name() + "." + field + " (gcc)")));
        }
        assertAll(checks);
    }

    @Test
    void naturalAlignmentWouldMisplaceFieldsWhichIsWhyTheStructsArePacked() {
        // The trap the packed declaration avoids: with JNA's default alignment ProductName moves to 40.
        assertEquals(40, new NaturalImageInfo().productNameOffset());
        assertEquals(36, new DismImageInfo().offsetOf("ProductName"));
    }

    /** The head of DismImageInfo as JNA lays it out by default (natural alignment). */
    public static class NaturalImageInfo extends com.sun.jna.Structure {
        public int ImageType;
        public int ImageIndex;
        public com.sun.jna.Pointer ImageName;
        public com.sun.jna.Pointer ImageDescription;
        public long ImageSize;
        public int Architecture;
        public com.sun.jna.Pointer ProductName;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("ImageType", "ImageIndex", "ImageName", "ImageDescription", "ImageSize",
                    "Architecture", "ProductName");
        }

        int productNameOffset() {
            return fieldOffset("ProductName");
        }
    }
}
